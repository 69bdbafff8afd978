// Reads each card opening line of inputs.txt as remark-directive does and
// prints the readings as JSON: the differential test's expectations
// (TestDirectivesAsRemarkReadsThem). Regenerate, with Node 18 or later:
//
//   npm install --no-save remark-parse@11 remark-directive@3 unified@11 mdast-util-to-string@4
//   node generate.mjs > remark-directive.json
import { readFileSync } from "node:fs";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkDirective from "remark-directive";
import { toString } from "mdast-util-to-string";

const lines = readFileSync(new URL("inputs.txt", import.meta.url), "utf8").split("\n").filter((l) => l.startsWith(":::"));
const out = lines.map((line) => {
  const tree = unified().use(remarkParse).use(remarkDirective).parse(line + "\nText.\n:::\n");
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
    labelMarkup: label ? label.children.some((c) => c.type !== "text") : false,
  };
});
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
