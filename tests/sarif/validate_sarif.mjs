#!/usr/bin/env node
// Validates SARIF logs against the SARIF 2.1.0 JSON schema (draft-04), with
// format checks (uri, date-time) on.
//   node tests/sarif/validate_sarif.mjs <schema.json> <file.sarif>...
// Exit status: 0 when every file is valid, 1 when any is not (its errors are
// printed), 2 on a usage error or an unreadable schema.
import { readFileSync } from "node:fs";
import process from "node:process";

import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

function compileSchema(schemaPath) {
  // strict: false because the OASIS schema is not written for Ajv's strict
  // mode; it is a fixed, trusted document.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(readJson(schemaPath));
}

function describe(error) {
  const where = error.instancePath === "" ? "(root)" : error.instancePath;
  const params = Object.keys(error.params ?? {}).length > 0 ? ` ${JSON.stringify(error.params)}` : "";
  return `  ${where}: ${error.message}${params}`;
}

function main(args) {
  if (args.length < 2) {
    console.error("usage: node validate_sarif.mjs <schema.json> <file.sarif>...");
    return 2;
  }
  const [schemaPath, ...files] = args;
  let validate;
  try {
    validate = compileSchema(schemaPath);
  } catch (error) {
    console.error(`${schemaPath}: cannot use the schema: ${error.message}`);
    return 2;
  }
  let allValid = true;
  for (const file of files) {
    let log;
    try {
      log = readJson(file);
    } catch (error) {
      console.log(`${file}: not readable JSON: ${error.message}`);
      allValid = false;
      continue;
    }
    if (validate(log)) {
      console.log(`${file}: valid SARIF 2.1.0`);
    } else {
      allValid = false;
      console.log(`${file}: ${validate.errors.length} schema error(s)`);
      for (const error of validate.errors) console.log(describe(error));
    }
  }
  return allValid ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
