// Spectral function of the rule typed-json-answer (.spectral.yaml): a 2xx JSON answer must have a schema a typed client
// can use. Given the answer's schema (references resolved), it reports the answer when that schema, or the items of an
// array answer, or the items of a page ({items: [...], ...}), is an object without properties: no type or type object,
// no properties, no allOf/oneOf/anyOf that gives properties, and no additionalProperties schema of its own (a map).
const composition = ["allOf", "oneOf", "anyOf"];

function isObjectType(schema) {
  const type = schema.type;
  return type === undefined || type === "object" || (Array.isArray(type) && type.includes("object") && type.every((t) => t === "object" || t === "null"));
}

function typed(schema) {
  if (schema === null || typeof schema !== "object") {
    return false; // true, false or nothing at all: any value
  }
  if (!isObjectType(schema)) {
    return true; // a string, a number, an array ...: typed as such (arrays are looked into by answerParts)
  }
  if (schema.properties && Object.keys(schema.properties).length > 0) {
    return true;
  }
  if (composition.some((key) => Array.isArray(schema[key]) && schema[key].length > 0 && schema[key].some(typed))) {
    return true;
  }
  const more = schema.additionalProperties;
  return more !== null && typeof more === "object" && Object.keys(more).length > 0 && (typed(more) || more.type !== undefined);
}

/** The schemas of an answer that must be typed: the answer itself, an array's items, a page's items. */
function answerParts(schema) {
  if (schema === null || typeof schema !== "object") {
    return [["", schema]];
  }
  if (schema.type === "array") {
    return [["items", schema.items]];
  }
  const parts = [["", schema]];
  const page = schema.properties && schema.properties.items;
  if (page && typeof page === "object" && page.type === "array") {
    parts.push(["properties.items.items", page.items]);
  }
  return parts;
}

export default function typedJsonAnswer(schema, _options, context) {
  return answerParts(schema)
    .filter(([, part]) => !typed(part))
    .map(([where, ]) => ({
      message: `2xx JSON answer ${where ? `(${where}) ` : ""}is an object without properties: give it a named schema with properties (a record with @Schema)`,
      path: where ? [...context.path, ...where.split(".")] : [...context.path],
    }));
}
