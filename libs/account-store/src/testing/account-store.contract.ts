import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { EmailTakenError, type Account, type AccountStore, type Contact, type Invitation, type Session } from '../account-store.port.js';

export interface AccountStoreFixture {
  store: AccountStore;
  /** A second instance over the same storage, as after a restart. */
  reopen(): Promise<AccountStore>;
  cleanup(): Promise<void>;
}

const T0 = '2026-03-01T10:00:00.000Z';
const LATER = '2026-03-02T10:00:00.000Z';
const NOW = '2026-03-05T10:00:00.000Z';
const FUTURE = '2026-03-12T10:00:00.000Z';

function account(id: string, over: Partial<Account> = {}): Account {
  return {
    id,
    email: `${id}@exemple.fr`,
    displayName: `Personne ${id}`,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2Vsc2Vsc2Vs$aGFzaGhhc2hoYXNoaGFzaA',
    kind: 'commune',
    organisationId: null,
    status: 'active',
    demo: false,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

function invitation(id: string, over: Partial<Invitation> = {}): Invitation {
  return {
    id,
    tokenHash: `hash-${id}`,
    email: `${id}@exemple.fr`,
    displayName: `Invité ${id}`,
    kind: 'commune',
    communeInsee: '95002',
    seat: 'collaborator',
    organisationId: null,
    invitedBy: 'maire',
    createdAt: T0,
    expiresAt: FUTURE,
    usedAt: null,
    revokedAt: null,
    ...over,
  };
}

function contact(id: string, over: Partial<Contact> = {}): Contact {
  return {
    id,
    name: `Contact ${id}`,
    jobTitle: 'Chargée des aides aux communes',
    organisation: 'Département du Val-d’Oise',
    email: `${id}@valdoise.fr`,
    phone: '01 34 25 00 00',
    themes: ['ecole', 'energie'],
    communes: [],
    accountId: null,
    status: 'active',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

function session(idHash: string, accountId: string): Session {
  return { idHash, accountId, csrfToken: `csrf-${idHash}`, createdAt: T0, lastSeenAt: T0, expiresAt: LATER };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject');
}

/** The behaviour every AccountStore adapter must show. Each test gets a fresh, empty store. */
export function accountStoreContract(name: string, factory: () => Promise<AccountStoreFixture>): void {
  describe(`AccountStore contract: ${name}`, () => {
    let fixture: AccountStoreFixture;
    let store: AccountStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    describe('accounts', () => {
      describe('when an account is created', () => {
        beforeEach(async () => {
          await store.createAccount(account('a1', { email: 'Claire.Martin@Exemple.FR', organisationId: null }));
        });

        it('is read back by id with every field, its e-mail lower-cased', async () => {
          expect(await store.getAccount('a1')).toEqual(account('a1', { email: 'claire.martin@exemple.fr' }));
        });

        it('is found by e-mail whatever the case and surrounding spaces', async () => {
          expect((await store.findAccountByEmail(' CLAIRE.martin@exemple.fr '))?.id).toBe('a1');
        });

        it('refuses another account with the same e-mail in another case', async () => {
          const error = await rejection(store.createAccount(account('a2', { email: 'claire.MARTIN@exemple.fr' })));
          expect(error).toBeInstanceOf(EmailTakenError);
          expect(await store.getAccount('a2')).toBeNull();
        });

        it('refuses changing another account to that e-mail', async () => {
          await store.createAccount(account('a2'));
          expect(await rejection(store.updateAccount('a2', { email: 'CLAIRE.MARTIN@exemple.fr' }))).toBeInstanceOf(EmailTakenError);
          expect((await store.getAccount('a2'))?.email).toBe('a2@exemple.fr');
        });

        it('applies a partial update and keeps the other fields', async () => {
          await store.updateAccount('a1', { displayName: 'Claire Martin-Durand', status: 'disabled', updatedAt: LATER });
          expect(await store.getAccount('a1')).toEqual(
            account('a1', { email: 'claire.martin@exemple.fr', displayName: 'Claire Martin-Durand', status: 'disabled', updatedAt: LATER }),
          );
        });

        it('keeps the form of the role the person chose, absent until then', async () => {
          expect((await store.getAccount('a1'))?.roleForm).toBeUndefined();
          await store.updateAccount('a1', { roleForm: 'feminine', updatedAt: LATER });
          expect((await store.getAccount('a1'))?.roleForm).toBe('feminine');
          await store.createAccount(account('a3', { roleForm: 'masculine' }));
          expect((await store.getAccount('a3'))?.roleForm).toBe('masculine');
        });

        it('keeps the Département a staff account works for, absent for an account created without one', async () => {
          await store.createAccount(account('agent-78', { email: 'agent@yvelines.example', kind: 'departement_agent', departement: '78' }));
          expect((await store.getAccount('agent-78'))?.departement).toBe('78');
          expect((await store.getAccounts(['agent-78'])).get('agent-78')?.departement).toBe('78');
          expect((await store.getAccount('a1'))?.departement).toBeUndefined();
          await store.updateAccount('a1', { departement: '2A', updatedAt: LATER });
          expect((await store.getAccount('a1'))?.departement).toBe('2A');
          await store.createInvitation(invitation('inv-78', { email: 'auditeur@yvelines.example', kind: 'auditor', communeInsee: null, seat: null, departement: '78' }));
          expect((await store.getInvitation('inv-78'))?.departement).toBe('78');
        });

        it('lets the e-mail of an erased account be used again', async () => {
          await store.updateAccount('a1', { status: 'erased', displayName: '', updatedAt: LATER });
          await store.createAccount(account('a2', { email: 'claire.martin@exemple.fr' }));
          expect((await store.findAccountByEmail('claire.martin@exemple.fr'))?.id).toBe('a2');
        });

        it('is still there after a restart', async () => {
          const other = await fixture.reopen();
          expect((await other.getAccount('a1'))?.email).toBe('claire.martin@exemple.fr');
        });
      });

      it('answers null for an unknown id or e-mail', async () => {
        expect(await store.getAccount('nobody')).toBeNull();
        expect(await store.findAccountByEmail('nobody@exemple.fr')).toBeNull();
      });

      it('reads several accounts at once, ignoring unknown ids', async () => {
        await store.createAccount(account('a1'));
        await store.createAccount(account('a2'));
        const found = await store.getAccounts(['a1', 'a2', 'ghost', 'a1']);
        expect([...found.keys()].sort()).toEqual(['a1', 'a2']);
        expect(found.get('a2')?.displayName).toBe('Personne a2');
      });

      it('lists accounts by kind and organisation', async () => {
        await store.createAccount(account('c1'));
        await store.createAccount(account('p1', { kind: 'partner_member', organisationId: 'org-caue-95', displayName: 'Bruno' }));
        await store.createAccount(account('p2', { kind: 'partner_member', organisationId: 'org-ademe', displayName: 'Alice' }));
        expect((await store.listAccounts({ kind: 'partner_member' })).map((a) => a.id)).toEqual(['p2', 'p1']);
        expect((await store.listAccounts({ organisationId: 'org-caue-95' })).map((a) => a.id)).toEqual(['p1']);
        expect((await store.listAccounts()).map((a) => a.id).sort()).toEqual(['c1', 'p1', 'p2']);
      });
    });

    describe('invitations', () => {
      it('is found by its token hash and by its id', async () => {
        await store.createInvitation(invitation('i1', { email: 'Nouveau@Exemple.fr' }));
        expect(await store.findInvitationByTokenHash('hash-i1')).toEqual(invitation('i1', { email: 'nouveau@exemple.fr' }));
        expect((await store.getInvitation('i1'))?.tokenHash).toBe('hash-i1');
        expect(await store.findInvitationByTokenHash('hash-unknown')).toBeNull();
      });

      describe('when some are expired, used or revoked', () => {
        beforeEach(async () => {
          await store.createInvitation(invitation('pending-1', { createdAt: T0 }));
          await store.createInvitation(invitation('pending-2', { createdAt: LATER }));
          await store.createInvitation(invitation('other-commune', { communeInsee: '95446' }));
          await store.createInvitation(invitation('agent', { kind: 'departement_agent', communeInsee: null, seat: null }));
          await store.createInvitation(
            invitation('partner', { kind: 'partner_member', communeInsee: null, seat: null, organisationId: 'org-caue-95', createdAt: LATER }),
          );
          await store.createInvitation(invitation('expired', { expiresAt: NOW }));
          await store.createInvitation(invitation('used'));
          await store.createInvitation(invitation('revoked'));
          await store.createInvitation(invitation('auditor-expired', { kind: 'auditor', communeInsee: null, seat: null, expiresAt: NOW }));
          await store.createInvitation(invitation('auditor-revoked', { kind: 'auditor', communeInsee: null, seat: null }));
          await store.consumeInvitation('used', LATER);
          await store.revokeInvitation('revoked', LATER);
          await store.revokeInvitation('auditor-revoked', LATER);
        });

        it('lists only the pending ones of the commune, oldest first', async () => {
          expect((await store.listPendingInvitations({ communeInsee: '95002' }, NOW)).map((i) => i.id)).toEqual(['pending-1', 'pending-2']);
        });

        it('lists only the pending ones to no commune when asked for commune null, oldest first, with every field', async () => {
          const pending = await store.listPendingInvitations({ communeInsee: null }, NOW);
          expect(pending.map((i) => i.id)).toEqual(['agent', 'partner']);
          expect(pending[1]).toEqual(
            invitation('partner', { kind: 'partner_member', communeInsee: null, seat: null, organisationId: 'org-caue-95', createdAt: LATER }),
          );
        });

        it('lists every pending one, of a commune or not, without a commune filter', async () => {
          expect((await store.listPendingInvitations({}, NOW)).map((i) => i.id)).toEqual(['agent', 'other-commune', 'pending-1', 'partner', 'pending-2']);
        });

        it('filters by kind', async () => {
          expect((await store.listPendingInvitations({ kind: 'departement_agent' }, NOW)).map((i) => i.id)).toEqual(['agent']);
          expect((await store.listPendingInvitations({ kind: 'partner_member', communeInsee: null }, NOW)).map((i) => i.id)).toEqual(['partner']);
        });

        it('revokes a pending one once: it leaves the list and can no longer be used', async () => {
          expect(await store.revokeInvitation('partner', NOW)).toBe(true);
          expect(await store.revokeInvitation('partner', LATER)).toBe(false);
          expect((await store.getInvitation('partner'))?.revokedAt).toBe(NOW);
          expect((await store.listPendingInvitations({ communeInsee: null }, NOW)).map((i) => i.id)).toEqual(['agent']);
          expect(await store.consumeInvitation('partner', NOW)).toBe(false);
        });

        it('does not revoke a used invitation', async () => {
          expect(await store.revokeInvitation('used', NOW)).toBe(false);
          expect(await store.getInvitation('used')).toMatchObject({ usedAt: LATER, revokedAt: null });
        });

        it('records when it was used or revoked', async () => {
          expect((await store.getInvitation('used'))?.usedAt).toBe(LATER);
          expect((await store.getInvitation('revoked'))?.revokedAt).toBe(LATER);
        });

        it('cannot consume a revoked invitation', async () => {
          expect(await store.consumeInvitation('revoked', NOW)).toBe(false);
          expect((await store.getInvitation('revoked'))?.usedAt).toBeNull();
        });
      });

      it('consumes a token once', async () => {
        await store.createInvitation(invitation('i1'));
        expect(await store.consumeInvitation('i1', LATER)).toBe(true);
        expect(await store.consumeInvitation('i1', NOW)).toBe(false);
        expect((await store.getInvitation('i1'))?.usedAt).toBe(LATER);
      });

      describe('when the person they were sent to is erased', () => {
        it('keeps no e-mail or name of theirs, and revokes what was still pending', async () => {
          await store.createInvitation(invitation('accepted', { email: 'Marie.Dupont@Exemple.fr', displayName: 'Marie Dupont' }));
          await store.createInvitation(invitation('pending', { email: 'marie.dupont@exemple.fr', displayName: 'Marie Dupont', createdAt: LATER }));
          await store.createInvitation(invitation('someone-else'));
          await store.consumeInvitation('accepted', LATER);
          const placeholder = { email: 'efface-x@efface.invalid', displayName: 'Personne effacée' };
          expect(await store.eraseInvitationsTo('MARIE.DUPONT@exemple.fr', placeholder, NOW)).toBe(2);
          for (const id of ['accepted', 'pending']) {
            expect(await store.getInvitation(id)).toMatchObject({ email: 'efface-x@efface.invalid', displayName: 'Personne effacée' });
          }
          expect((await store.getInvitation('accepted'))?.usedAt).toBe(LATER);
          expect((await store.getInvitation('pending'))?.revokedAt).toBe(NOW);
          expect(await store.getInvitation('someone-else')).toMatchObject({ email: 'someone-else@exemple.fr', revokedAt: null });
        });
      });

      it('consumes a token once even when two consumers race', async () => {
        await store.createInvitation(invitation('i1'));
        const other = await fixture.reopen();
        const results = await Promise.all([store.consumeInvitation('i1', LATER), other.consumeInvitation('i1', NOW)]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('is either accepted or revoked when an acceptance and a revocation race, never both', async () => {
        await store.createInvitation(invitation('i1'));
        const other = await fixture.reopen();
        const [revoked, consumed] = await Promise.all([store.revokeInvitation('i1', LATER), other.consumeInvitation('i1', LATER)]);
        expect([revoked, consumed].filter(Boolean)).toHaveLength(1);
        const after = await store.getInvitation('i1');
        expect([after?.revokedAt, after?.usedAt].filter((at) => at !== null)).toEqual([LATER]);
      });
    });

    describe('password resets', () => {
      const reset = { tokenHash: 'reset-1', accountId: 'a1', createdAt: T0, expiresAt: LATER, usedAt: null };

      it('is read back, then used once', async () => {
        await store.createPasswordReset(reset);
        expect(await store.findPasswordReset('reset-1')).toEqual(reset);
        expect(await store.consumePasswordReset('reset-1', NOW)).toBe(true);
        expect(await store.consumePasswordReset('reset-1', NOW)).toBe(false);
        expect(await store.findPasswordReset('reset-1')).toEqual({ ...reset, usedAt: NOW });
        expect(await store.findPasswordReset('nope')).toBeNull();
      });

      it('is used once even when two consumers race', async () => {
        await store.createPasswordReset(reset);
        const other = await fixture.reopen();
        const results = await Promise.all([store.consumePasswordReset('reset-1', NOW), other.consumePasswordReset('reset-1', LATER)]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('sessions', () => {
      beforeEach(async () => {
        await store.createSession(session('s1', 'a1'));
        await store.createSession(session('s2', 'a1'));
        await store.createSession(session('s3', 'a2'));
      });

      it('is read back by its id hash', async () => {
        expect(await store.getSession('s1')).toEqual(session('s1', 'a1'));
        expect(await store.getSession('unknown')).toBeNull();
      });

      it('slides its expiry when touched', async () => {
        await store.touchSession('s1', NOW, FUTURE);
        expect(await store.getSession('s1')).toEqual({ ...session('s1', 'a1'), lastSeenAt: NOW, expiresAt: FUTURE });
      });

      it('ends one session', async () => {
        await store.deleteSession('s1');
        expect(await store.getSession('s1')).toBeNull();
        expect(await store.getSession('s2')).not.toBeNull();
      });

      it('ends every session of an account at once and only those', async () => {
        expect(await store.deleteSessionsOf('a1')).toBe(2);
        expect(await store.getSession('s1')).toBeNull();
        expect(await store.getSession('s2')).toBeNull();
        expect(await store.getSession('s3')).toEqual(session('s3', 'a2'));
        expect(await store.deleteSessionsOf('a1')).toBe(0);
      });
    });

    describe('login throttles', () => {
      it('round-trips, is overwritten, then cleared', async () => {
        expect(await store.getThrottle('account:a@b.fr')).toBeNull();
        await store.putThrottle({ key: 'account:a@b.fr', failures: 1, windowStartedAt: T0, lockedUntil: null });
        expect(await store.getThrottle('account:a@b.fr')).toEqual({ key: 'account:a@b.fr', failures: 1, windowStartedAt: T0, lockedUntil: null });
        await store.putThrottle({ key: 'account:a@b.fr', failures: 5, windowStartedAt: T0, lockedUntil: LATER });
        expect(await store.getThrottle('account:a@b.fr')).toEqual({ key: 'account:a@b.fr', failures: 5, windowStartedAt: T0, lockedUntil: LATER });
        await store.putThrottle({ key: 'ip:127.0.0.1', failures: 2, windowStartedAt: T0, lockedUntil: null });
        await store.clearThrottle('account:a@b.fr');
        expect(await store.getThrottle('account:a@b.fr')).toBeNull();
        expect((await store.getThrottle('ip:127.0.0.1'))?.failures).toBe(2);
      });

      const LIMITS = { maxAttempts: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
      const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000);

      it('counts N parallel reservations N: only the limit is allowed, the rest refused', async () => {
        const outcomes = await Promise.all(Array.from({ length: 50 }, () => store.reserveAttempt('account:rafale@b.fr', at(0), LIMITS)));
        expect(outcomes.filter((o) => o.allowed)).toHaveLength(5);
        const throttle = await store.getThrottle('account:rafale@b.fr');
        expect(throttle).toEqual({ key: 'account:rafale@b.fr', failures: 5, windowStartedAt: at(0).toISOString(), lockedUntil: at(15).toISOString() });
      });

      it('refuses while locked, then counts anew once the lock is over', async () => {
        for (let i = 0; i < 5; i++) expect((await store.reserveAttempt('account:c@b.fr', at(i), LIMITS)).allowed).toBe(true);
        expect((await store.reserveAttempt('account:c@b.fr', at(10), LIMITS)).allowed).toBe(false);
        const after = await store.reserveAttempt('account:c@b.fr', at(20), LIMITS);
        expect(after).toEqual({ allowed: true, throttle: { key: 'account:c@b.fr', failures: 1, windowStartedAt: at(20).toISOString(), lockedUntil: null } });
      });

      it('gives back a reserved attempt, lifting the lock it set, and ignores keys without a counter', async () => {
        for (let i = 0; i < 5; i++) await store.reserveAttempt('ip:10.0.0.1', at(0), LIMITS);
        await store.releaseAttempt('ip:10.0.0.1');
        expect(await store.getThrottle('ip:10.0.0.1')).toEqual({ key: 'ip:10.0.0.1', failures: 4, windowStartedAt: at(0).toISOString(), lockedUntil: null });
        expect((await store.reserveAttempt('ip:10.0.0.1', at(1), LIMITS)).allowed).toBe(true);
        await store.releaseAttempt('ip:inconnue');
        expect(await store.getThrottle('ip:inconnue')).toBeNull();
      });
    });

    describe('idempotency keys', () => {
      it('binds a key to the first request that carried it, even when several race, and says so to the others', async () => {
        const bound = await Promise.all(['h1', 'h2', 'h3'].map((hash) => store.bindIdempotencyKey('a1:cle-0001', hash, NOW)));
        expect(new Set(bound).size).toBe(1);
        const first = bound[0];
        expect(await store.bindIdempotencyKey('a1:cle-0001', first, LATER)).toBe(first);
        expect(await store.bindIdempotencyKey('a1:cle-0001', 'autre', LATER)).toBe(first);
        expect(await store.bindIdempotencyKey('a2:cle-0001', 'autre', LATER)).toBe('autre');
        const other = await fixture.reopen();
        expect(await other.bindIdempotencyKey('a1:cle-0001', 'encore', LATER)).toBe(first);
      });
    });

    describe('notification settings', () => {
      it('has defaults for a person who never chose anything', async () => {
        expect(await store.getNotificationSettings('a1')).toEqual({ accountId: 'a1', emailMode: null, readUpTo: 0, lastDigestPosition: 0 });
      });

      it('keeps the e-mail mode and the last digest position apart, after a restart too', async () => {
        await store.setEmailMode('a1', 'immediate');
        await store.setLastDigestPosition('a1', 42);
        await store.setEmailMode('a1', 'none');
        const other = await fixture.reopen();
        expect(await other.getNotificationSettings('a1')).toEqual({ accountId: 'a1', emailMode: 'none', readUpTo: 0, lastDigestPosition: 42 });
        expect((await other.getNotificationSettings('a2')).emailMode).toBeNull();
      });

      it('marks notifications read one by one, then all up to a position that never goes back', async () => {
        await store.markNotificationsRead('a1', ['n1', 'n2']);
        await store.markNotificationsRead('a1', ['n2']);
        await store.markNotificationsRead('a2', ['n3']);
        expect(await store.readNotificationIds('a1')).toEqual(new Set(['n1', 'n2']));
        await store.markAllNotificationsRead('a1', 30);
        await store.markAllNotificationsRead('a1', 20);
        expect((await store.getNotificationSettings('a1')).readUpTo).toBe(30);
        expect(await store.readNotificationIds('a1')).toEqual(new Set());
        expect(await store.readNotificationIds('a2')).toEqual(new Set(['n3']));
      });

      it('lets exactly one of several concurrent callers claim the digest of a day', async () => {
        const other = await fixture.reopen();
        const claims = await Promise.all([
          store.claimDigest('a1', '2026-03-05', NOW),
          other.claimDigest('a1', '2026-03-05', NOW),
          store.claimDigest('a1', '2026-03-05', NOW),
          other.claimDigest('a1', '2026-03-05', NOW),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await store.claimDigest('a1', '2026-03-06', NOW)).toBe(true);
        expect(await store.claimDigest('a2', '2026-03-05', NOW)).toBe(true);
      });

      it('lets exactly one caller claim the e-mail of one notification for one person', async () => {
        const other = await fixture.reopen();
        const one = [{ accountId: 'a1', notificationId: 'n1' }];
        const claims = await Promise.all([store.claimNotificationMails(one, NOW), other.claimNotificationMails(one, NOW)]);
        expect(claims.flat().filter(Boolean)).toHaveLength(1);
        expect(await store.claimNotificationMails([{ accountId: 'a2', notificationId: 'n1' }], NOW)).toEqual([true]);
      });

      it('claims a batch of e-mails at once: each to exactly one of the callers, the others answered false', async () => {
        const other = await fixture.reopen();
        await store.claimNotificationMails([{ accountId: 'a1', notificationId: 'n0' }], NOW);
        const batch = [
          { accountId: 'a1', notificationId: 'n0' }, // claimed before
          { accountId: 'a1', notificationId: 'n9' },
          { accountId: 'a2', notificationId: 'n9' },
          { accountId: 'a1', notificationId: 'n9' }, // twice in the same batch
        ];
        const [mine, theirs] = await Promise.all([store.claimNotificationMails(batch, NOW), other.claimNotificationMails(batch.slice(1, 3), NOW)]);
        expect(mine[0]).toBe(false);
        expect(mine[3]).toBe(false);
        // n9 for a1 and for a2: each claimed by exactly one of the two callers.
        expect([mine[1], theirs[0]].filter(Boolean)).toHaveLength(1);
        expect([mine[2], theirs[1]].filter(Boolean)).toHaveLength(1);
        expect(await store.claimNotificationMails([], NOW)).toEqual([]);
        expect(await store.claimNotificationMails([{ accountId: 'a2', notificationId: 'n9' }], NOW)).toEqual([false]);
      });
    });

    describe('follows', () => {
      it('records following and unfollowing, seen by person and by project', async () => {
        await store.setFollow('a1', 'p1', true, T0);
        await store.setFollow('a1', 'p2', false, T0);
        await store.setFollow('a2', 'p1', true, T0);
        await store.setFollow('a2', 'p1', false, LATER);
        expect(await store.followsOf('a1')).toEqual(new Map([['p1', true], ['p2', false]]));
        expect(await store.followersOf('p1')).toEqual(new Map([['a1', true], ['a2', false]]));
        expect(await store.followersOf('p3')).toEqual(new Map());
      });

      it('forgets a person’s follows, settings and read marks on erasure, and only theirs', async () => {
        await store.setFollow('a1', 'p1', true, T0);
        await store.setFollow('a2', 'p1', true, T0);
        await store.setEmailMode('a1', 'immediate');
        await store.markNotificationsRead('a1', ['n1']);
        await store.forgetNotificationDataOf('a1');
        expect(await store.followsOf('a1')).toEqual(new Map());
        expect(await store.followersOf('p1')).toEqual(new Map([['a2', true]]));
        expect(await store.getNotificationSettings('a1')).toEqual({ accountId: 'a1', emailMode: null, readUpTo: 0, lastDigestPosition: 0 });
        expect(await store.readNotificationIds('a1')).toEqual(new Set());
      });
    });

    describe('contacts directory', () => {
      describe('when contacts are created', () => {
        beforeEach(async () => {
          await store.createContact(contact('c2', { name: 'Zoé Durand', communes: ['95002', '95446'], accountId: 'agent-1' }));
          await store.createContact(contact('c1', { name: 'Éric Blanc' }));
        });

        it('keeps the Département whose directory lists a contact, absent when none was given', async () => {
          await store.createContact(contact('c78', { name: 'Camille Laurent', departement: '78' }));
          expect((await store.getContact('c78'))?.departement).toBe('78');
          await store.updateContact('c78', { jobTitle: 'Chargée des routes', updatedAt: LATER });
          expect(await store.getContact('c78')).toMatchObject({ departement: '78', jobTitle: 'Chargée des routes' });
          expect((await store.getContact('c1'))?.departement).toBeUndefined();
          expect((await store.listContacts()).find((c) => c.id === 'c78')?.departement).toBe('78');
        });

        it('reads each back with every field, lists included', async () => {
          expect(await store.getContact('c2')).toEqual(contact('c2', { name: 'Zoé Durand', communes: ['95002', '95446'], accountId: 'agent-1' }));
          expect(await store.getContact('absent')).toBeNull();
        });

        it('lists them all, by id', async () => {
          expect((await store.listContacts()).map((c) => c.id)).toEqual(['c1', 'c2']);
        });

        it('applies a partial update and keeps it after a restart', async () => {
          await store.updateContact('c1', { status: 'archived', themes: ['voirie'], updatedAt: LATER });
          const other = await fixture.reopen();
          expect(await other.getContact('c1')).toEqual(contact('c1', { name: 'Éric Blanc', status: 'archived', themes: ['voirie'], updatedAt: LATER }));
        });

        it('blanks the contacts of an erased account and only those', async () => {
          expect(await store.eraseContactsOf('agent-1', { name: 'Contact effacé' }, NOW)).toBe(1);
          expect(await store.getContact('c2')).toEqual(
            contact('c2', { name: 'Contact effacé', email: null, phone: null, accountId: null, status: 'erased', communes: ['95002', '95446'], updatedAt: NOW }),
          );
          expect((await store.getContact('c1'))?.name).toBe('Éric Blanc');
          expect(await store.eraseContactsOf('agent-1', { name: 'Contact effacé' }, NOW)).toBe(0);
        });
      });
    });

    describe('team membership', () => {
      it('has no team for an unknown account', async () => {
        expect(await store.getTeams('agent-1')).toEqual([]);
        expect(await store.listTeams()).toEqual([]);
      });

      it('replaces the teams of an account, and removes it with an empty list', async () => {
        await store.setTeams('agent-1', ['aides']);
        await store.setTeams('agent-1', ['aides', 'juridique']);
        await store.setTeams('agent-2', ['ingenierie']);
        expect(await store.getTeams('agent-1')).toEqual(['aides', 'juridique']);
        expect(await (await fixture.reopen()).listTeams()).toEqual([
          { accountId: 'agent-1', teams: ['aides', 'juridique'] },
          { accountId: 'agent-2', teams: ['ingenierie'] },
        ]);
        await store.setTeams('agent-1', []);
        expect(await store.listTeams()).toEqual([{ accountId: 'agent-2', teams: ['ingenierie'] }]);
      });
    });
  });
}
