#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` (prepare) and `npm start` (prestart).
require('../dist/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
