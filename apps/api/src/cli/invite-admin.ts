/*
 * `npm run invite:admin -- --email … --name "…" (--departement 95 | --national)`: the first
 * administrator of a fresh installation (or a new Département), invited by the operator: nobody can
 * invite anybody before that. Writes the invitation to the account store (the engines of the
 * environment: SQLite files of DATA_DIR, or MONGO_URL) and prints its link, valid 7 days and once,
 * to hand to the person; nothing is sent by e-mail.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Invitation } from '@carnet/account-store';
import { loadConfig } from '../config.js';
import { openAccountStore } from '../infrastructure/engines.js';
import { newSecretToken, tokenHash } from '../identity/secret-token.js';

const USAGE = 'Usage : npm run invite:admin -- --email adresse@exemple.fr --name "Prénom Nom" (--departement 95 | --national)';
const DAYS = 7;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, departement: { type: 'string' }, national: { type: 'boolean', default: false } } });
  const email = values.email?.trim().toLowerCase() ?? '';
  const name = values.name?.trim() ?? '';
  const config = loadConfig();
  const problems: string[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push('--email : une adresse e-mail complète.');
  if (name.length < 2 || name.length > 120) problems.push('--name : le prénom et le nom (2 à 120 caractères).');
  if (values.national === !!values.departement) problems.push('--departement <code> pour un administrateur de ce département, ou --national pour un administrateur national.');
  if (values.departement && !config.departements.includes(values.departement.toUpperCase())) {
    problems.push(`--departement : un département que sert l’instance (${config.departements.length > 5 ? `${config.departements.slice(0, 5).join(', ')}…` : config.departements.join(', ')}).`);
  }
  if (values.national && config.departements.length < 2) problems.push('--national : seulement pour une instance qui sert plusieurs départements (DEPARTEMENTS).');
  if (problems.length) {
    process.stderr.write(`${USAGE}\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 2;
  }
  const store = await openAccountStore(config);
  try {
    const existing = await store.findAccountByEmail(email);
    if (existing && existing.status === 'active' && existing.passwordHash) {
      process.stderr.write(`Un compte existe déjà avec l’adresse ${email}.\n`);
      return 1;
    }
    const token = newSecretToken();
    const now = new Date();
    const invitation: Invitation = {
      id: randomUUID(),
      tokenHash: tokenHash(token),
      email,
      displayName: name,
      kind: values.national ? 'national_admin' : 'departement_admin',
      communeInsee: null,
      seat: null,
      organisationId: null,
      ...(values.departement ? { departement: values.departement.toUpperCase() } : {}),
      invitedBy: 'operator',
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + DAYS * 86_400_000).toISOString(),
      usedAt: null,
      revokedAt: null,
    };
    await store.createInvitation(invitation);
    const what = values.national ? 'administrateur national' : `administrateur du département ${invitation.departement}`;
    process.stdout.write(`Invitation de ${name} <${email}> comme ${what}, valable ${DAYS} jours et une seule fois :\n${config.publicUrl}/invitation/${token}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
