package synthetic

// The word lists articles are made of. They are package-level variables only
// because Go has no constant slices: nothing ever changes them, so sharing
// them between goroutines is safe.

// places are invented towns; each article happens in one and mentions
// others.
var places = []string{
	"Eastholm", "Marrowby", "Port Calder", "Linden Vale", "Ashgrove",
	"Redwater", "Northmere", "Kestrel Bay", "Fallowfield", "Brightwater",
	"Oakhaven", "Stonebridge", "Westmarch", "Harrow Cross", "Millbrook",
	"Corrin", "Valemont", "Thornbury", "Greywick", "Saltmarsh",
	"Elderby", "Hollin", "Duncaster", "Fernley", "Amberton",
}

// rivers run through the places.
var rivers = []string{"Calder", "Wend", "Marrow", "Isla", "Tarn", "Osk", "Lune", "Brede"}

// institutions decide what the articles are about.
var institutions = []string{
	"city council", "port authority", "regional water board",
	"transport agency", "health trust", "school board", "energy regulator",
	"housing commission", "planning committee", "district court",
	"chamber of commerce", "parks department", "fire service",
	"university senate", "county assembly",
}

// verbs are what the institution did, as a headline puts it, and as the
// text does.
var verbs = []struct{ headline, past string }{
	{"approves", "approved"}, {"delays", "delayed"}, {"rejects", "rejected"},
	{"backs", "backed"}, {"reviews", "opened a review of"},
	{"suspends", "suspended"}, {"expands", "expanded"}, {"scraps", "scrapped"},
	{"revives", "revived"}, {"funds", "agreed to fund"}, {"pauses", "paused"},
	{"questions", "raised questions about"},
}

// objects are what is decided.
var objects = []string{
	"tram extension", "harbour dredging plan", "flood defence budget",
	"school meals scheme", "rent cap", "bus network redesign",
	"hospital merger", "wind farm lease", "library closures",
	"bridge repairs", "water price rise", "night train service",
	"recycling contract", "airport noise limits", "market hall renovation",
	"teacher pay deal", "cycle lane network", "district heating project",
	"riverside housing plan", "stadium sale",
}

// firstNames and lastNames make the people who speak and are spoken of.
var firstNames = []string{
	"Anna", "Tomas", "Mira", "Jonah", "Ingrid", "Rafael", "Leila", "Owen",
	"Sofia", "Malik", "Helena", "Viktor", "Amara", "Felix", "Nadia", "Pieter",
	"Greta", "Samuel", "Yara", "Elias", "Clara", "Dmitri", "Ines", "Kofi",
}

var lastNames = []string{
	"Berg", "Quill", "Okafor", "Lindqvist", "Moreau", "Haddad", "Novak",
	"Castell", "Brennan", "Ishida", "Varga", "Achterberg", "Silva", "Mendel",
	"Osei", "Kowalski", "Fairweather", "Rossi", "Dahl", "Marsh", "Petrov",
	"Lopes", "Abernethy", "Sandoval",
}

// roles are what people are; {place} and {inst} are filled in.
var roles = []string{
	"chair of the {inst}", "spokesperson for the {inst}", "mayor of {place}",
	"leader of the opposition on the {place} city council",
	"economist at the University of {place}", "a shop owner in {place}",
	"chief executive of the {inst}", "head of the {place} residents' association",
	"member of the {inst}", "engineer who advised the {inst}",
}

// sources are where quotes were said.
var sources = []string{
	"{place} Gazette", "a press conference", "Radio {place}",
	"a meeting of the {inst}", "an interview with backstory",
	"a written statement", "the {place} Courier", "a public hearing",
}

// groups are people who care about the decision.
var groups = []string{
	"residents", "shop owners", "commuters", "parents", "farmers",
	"pensioners", "students", "landlords", "tenants", "fishermen",
	"nurses", "taxi drivers", "young families", "local employers",
}

// adjectives judge a decision.
var adjectives = []string{
	"premature", "overdue", "reckless", "sensible", "courageous", "baffling",
	"short-sighted", "long overdue", "cautious", "expensive", "necessary",
}

var months = []string{
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}

// tags label articles.
var tags = []string{
	"local government", "transport", "housing", "health", "education",
	"environment", "energy", "budget", "courts", "business", "water",
	"infrastructure", "labour", "culture", "sport", "planning", "elections",
}

// headings title the sections; {place} is filled in. The last, "What
// happens next", ends every article and is linked from its lead.
var headings = []string{
	"What the decision means", "How we got here", "The cost question",
	"What critics say", "Who pays", "Reactions in {place}", "The numbers",
	"A divided {inst}", "Lessons from elsewhere", "The legal picture",
	"Voices from the street",
}

const lastHeading = "What happens next"

// sentences fill paragraphs. Words in braces are filled in: see
// story.fill.
var sentences = []string{
	"The {inst} said the {obj} would cost about {money} euros over {n} years.",
	"Critics argue that the figures leave out {group}, who would bear most of the cost.",
	"{person}, who has followed the issue since {year}, called the decision *{adj}*.",
	"A survey published in {month} found that {pct} percent of {group} in {place} supported the plan.",
	"The vote had been expected in {month}, but was pushed back twice.",
	"Officials declined to say when a final decision would be made.",
	"Similar schemes in {other} and {other} ran over budget by as much as {pct} percent.",
	"Opponents have collected more than {thousands} signatures against the proposal.",
	"The {inst} meets again on {weekday}, when the matter is back on the agenda.",
	"Supporters say the project would create around {num} jobs in the first two years.",
	"Local businesses are divided: some expect more customers, others fear months of disruption.",
	"The regional government has promised to cover {pct} percent of the cost, provided work starts before {year}.",
	"Engineers warned in a report last year that **every month of delay** adds to the bill.",
	"At a packed public meeting, {group} asked why the plan had changed since {year}.",
	"The {inst} has published [the full consultation]({url}) on its website.",
	"Neither side expects the dispute to be settled quickly.",
	"In {other}, a comparable plan was abandoned after {n} years of legal challenges.",
	"The original estimate, ~~{money} euros~~, has since been revised upwards.",
	"Turnout at the last local election in {place} was just {pct} percent.",
	"{person} said the {inst} had *not* been given the full picture.",
	"A spokesperson for the {inst} said the body would \"look carefully at every objection\".",
	"The figures are set out in a [report by the auditor]({url}), published in {month}.",
	"Some {group} say they only learned of the {obj} from the local paper.",
	"The town's population has grown by {pct} percent since {year}, putting pressure on services.",
	"Campaigners plan to hand a petition to the {inst} before the end of {month}.",
	"Documents seen by backstory show the plan was first discussed in {year}.",
	"The {inst} insists that the `{code}` budget line is enough to cover the first phase.",
	"Details are on the {inst}'s website at https://www.example.org/{placeslug}/{objslug}.",
	"{person}, a former member of the {inst}, said the process had been *rushed*.",
	"Nobody has yet explained who would maintain the work once it is finished.",
}

// quotes are things people say in quote cards.
var quotes = []string{
	"We have listened to {group} for two years, and this plan reflects what they told us.",
	"Nobody in {place} asked for this, and nobody was properly consulted.",
	"The numbers simply do not add up, and the {inst} knows it.",
	"This is the most important decision the {inst} will take this decade.",
	"We are not against change; we are against paying twice for the same mistake.",
	"If we wait another year, the cost will only go up.",
	"I have lived in {place} all my life, and I have never seen the town so divided.",
	"Give us the figures, and we will judge the plan on its merits.",
	"Every town along the {river} is watching what happens here.",
	"The {obj} was never about money alone; it is about what kind of town we want to be.",
}

// quoteLangs are the languages some quotes were said in before they were
// translated.
var quoteLangs = []string{"fr", "de", "es", "pt-BR", "nl"}
