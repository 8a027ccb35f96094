// Prints the installed version of every pinned peer, one "name version" per line.
const { dependencies } = require('./package.json');
for (const name of Object.keys(dependencies)) {
  console.log(`${name} ${require(`${name}/package.json`).version}`);
}
