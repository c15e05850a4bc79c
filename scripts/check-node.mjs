// Refuses to go on with a Node.js older than 22: better-sqlite3 13 (the embedded engine) crashes on
// Node 20 with a segmentation fault instead of an error. `npm install` brings Node 24 (the optional
// dependency `node`), and npm scripts run on it; this guard catches a plain `node …` in a shell, or an
// install made with --ignore-scripts, that would silently use an older system Node.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `Node.js ${process.versions.node} est trop ancien : le Carnet de projets demande Node.js 24 (22 au minimum).\n` +
      'Lancez les commandes par npm (npm start, npm test), qui utilisent le Node 24 installé par « npm install »,\n' +
      'ou installez Node.js 24 LTS.',
  );
  process.exit(1);
}
