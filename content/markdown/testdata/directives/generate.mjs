// Reads each card opening line of inputs.txt as remark-directive does (and
// each leaf directive line, "::card{#id}"), with
// remark-gfm (GFM's strikethrough and autolinks, as backstory's Markdown has
// them), and prints the readings as JSON: the differential test's
// expectations (TestDirectivesAsRemarkReadsThem). A label is given as its
// text (label) and as its inline content in backstory's model
// (labelInlines: content.Inline's JSON). Regenerate, with Node 18 or later,
// from this folder:
//
//   npm install --no-save remark-parse@11 remark-directive@3 remark-gfm@4 unified@11 mdast-util-to-string@4
//   node generate.mjs > remark-directive.json
//
// To keep the repository clean, install them in a folder of your own and
// link it here for the run (Node resolves the imports from this folder up):
//
//   ln -s /tmp/rd/node_modules node_modules && node generate.mjs > remark-directive.json; rm node_modules
import { readFileSync } from "node:fs";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import { toString } from "mdast-util-to-string";

// inlines turns mdast phrasing content into content.Inline runs.
const inlines = (nodes) => nodes.map((n) => {
  switch (n.type) {
    case "text": return { kind: "text", text: n.value };
    case "emphasis": return { kind: "emphasis", children: inlines(n.children) };
    case "strong": return { kind: "strong", children: inlines(n.children) };
    case "delete": return { kind: "strike", children: inlines(n.children) };
    case "inlineCode": return { kind: "code", text: n.value };
    case "link": return { kind: "link", url: n.url, ...(n.title ? { title: n.title } : {}), children: inlines(n.children) };
    case "image": return { kind: "image", url: n.url, text: n.alt || "", ...(n.title ? { title: n.title } : {}) };
    case "break": return { kind: "linebreak" };
    default: return { kind: "mdast:" + n.type, text: toString(n) };
  }
});

const all = readFileSync(new URL("inputs.txt", import.meta.url), "utf8").split("\n");
// Leaf directives, lines of their own that start with "::" (backstory's
// "::card{#id}" places a shared card): whether the line is one, its name
// and attributes.
const leaves = all.filter((l) => /^ {0,3}::(?!:)/.test(l)).map((line) => {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(line + "\n");
  const node = tree.children.find((n) => n.type === "leafDirective");
  if (!node) return { input: line, leaf: true, directive: false };
  return { input: line, leaf: true, directive: true, name: node.name, attributes: node.attributes || {}, label: node.children.length ? toString(node) : null };
});
const lines = all.filter((l) => l.startsWith(":::"));
const containers = lines.map((line) => {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(line + "\nText.\n:::\n");
  const node = tree.children.find((n) => n.type === "containerDirective");
  if (!node) return { input: line, directive: false };
  const first = node.children[0];
  const label = first && first.data && first.data.directiveLabel ? first : null;
  return {
    input: line,
    directive: true,
    name: node.name,
    attributes: node.attributes || {},
    label: label ? toString(label) : null,
    labelInlines: label ? inlines(label.children) : null,
  };
});
process.stdout.write(JSON.stringify([...containers, ...leaves], null, 2) + "\n");
