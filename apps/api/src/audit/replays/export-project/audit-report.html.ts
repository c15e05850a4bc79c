import { ROLE_LABELS, frenchDate, type AuditExport } from '@carnet/contracts';

const escape = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const when = (iso: string): string => frenchDate(iso, 'seconds');

/**
 * The printable audit report of one project: a complete French HTML document with its own print
 * stylesheet (A4), so an auditor prints it to PDF from the browser. Everything is escaped.
 */
export function renderAuditReport(report: AuditExport): string {
  const { project, verification } = report;
  const rows = report.history
    .map(
      (e) => `
      <tr>
        <td class="num">${e.position}<br><span class="muted">rév. ${e.revision}</span></td>
        <td>${escape(when(e.at))}</td>
        <td>${escape(e.actor.name)}<br><span class="muted">${escape(ROLE_LABELS[e.actor.role] ?? e.actor.role)}</span></td>
        <td><strong>${escape(e.typeLabel)}</strong><br>${escape(e.summary)}${
          e.changes.length
            ? `<ul>${e.changes.map((c) => `<li>${escape(c.label)} : ${escape(c.before)} → ${escape(c.after)}</li>`).join('')}</ul>`
            : ''
        }</td>
        <td>${escape(e.why ?? '—')}</td>
        <td class="hash">${e.hash ? escape(e.hash) : '—'}</td>
      </tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport d’audit — ${escape(project.title)} (${escape(project.communeName)})</title>
<style>
  @page { size: A4 landscape; margin: 14mm 12mm; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #161616; line-height: 1.4; margin: 1.5rem; font-size: 11pt; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 1rem 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .verdict { padding: .6rem .8rem; border: 2px solid; border-radius: 4px; margin: 1rem 0; font-weight: 600; }
  .verdict--ok { border-color: #18753c; color: #18753c; }
  .verdict--ko { border-color: #ce0500; color: #ce0500; }
  table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
  caption { text-align: left; font-weight: 600; margin-bottom: .4rem; }
  th, td { border: 1px solid #bbb; padding: .3rem .4rem; vertical-align: top; text-align: left; }
  thead th { background: #eee; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  ul { margin: .2rem 0 0; padding-left: 1.1rem; }
  .muted { color: #555; font-size: .9em; }
  .num { white-space: nowrap; }
  .hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 7.5pt; word-break: break-all; max-width: 14ch; }
  footer { margin-top: 1rem; font-size: .85em; color: #555; }
  @media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<header>
  <h1>Rapport d’audit : ${escape(project.title)}</h1>
  <dl>
    <dt>Commune</dt><dd>${escape(project.communeName)} (${escape(project.codeInsee)})</dd>
    <dt>Identifiant du projet</dt><dd>${escape(project.id)}</dd>
    <dt>Document généré le</dt><dd>${escape(when(report.generatedAt))}</dd>
    <dt>Événements</dt><dd>${report.history.length}</dd>
  </dl>
  <p class="verdict ${verification.ok ? 'verdict--ok' : 'verdict--ko'}">${escape(verification.summary)}</p>
</header>
<main>
  <table>
    <caption>Historique complet du projet, rejoué depuis le journal des événements</caption>
    <thead>
      <tr><th scope="col">N°</th><th scope="col">Quand</th><th scope="col">Qui</th><th scope="col">Quoi</th><th scope="col">Pourquoi</th><th scope="col">Empreinte</th></tr>
    </thead>
    <tbody>${rows}
    </tbody>
  </table>
</main>
<footer>
  <p>Les noms sont ceux des comptes au moment de l’édition ; les rôles, ceux qu’avaient les personnes au moment des faits. Carnet de projets — Département du Val-d’Oise.</p>
</footer>
</body>
</html>
`;
}
