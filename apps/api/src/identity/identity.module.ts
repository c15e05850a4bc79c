import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CommunesModule } from '../communes/communes.module.js';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { Authentication } from './authentication.js';
import { AcceptInvitationHttpController } from './commands/accept-invitation/accept-invitation.http.controller.js';
import { DisableAccountHttpController } from './commands/disable-account/disable-account.http.controller.js';
import { InviteHttpController } from './commands/invite/invite.http.controller.js';
import { LogInHttpController } from './commands/log-in/log-in.http.controller.js';
import { LogOutHttpController } from './commands/log-out/log-out.http.controller.js';
import { ChangePasswordHttpController } from './commands/change-password/change-password.http.controller.js';
import { ChooseRoleFormHttpController } from './commands/choose-role-form/choose-role-form.http.controller.js';
import { ResetPasswordHttpController } from './commands/reset-password/reset-password.http.controller.js';
import { RevokeInvitationHttpController } from './commands/revoke-invitation/revoke-invitation.http.controller.js';
import { CsrfGuard } from './csrf.guard.js';
import { DemoAccounts } from './demo-accounts.js';
import { IDENTITY_CONFIG, identityConfig } from './identity.config.js';
import { Invitations } from './invitations.js';
import { Mailer } from './mailer.js';
import { MeView } from './me-view.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordPolicy, loadCommonPasswords } from './password-policy.js';
import { PasswordResets } from './password-resets.js';
import { GetInvitationHttpController } from './queries/get-invitation/get-invitation.http.controller.js';
import { GetMeHttpController } from './queries/get-me/get-me.http.controller.js';
import { ListAccountsHttpController } from './queries/list-accounts/list-accounts.http.controller.js';
import { ListDemoAccountsHttpController } from './queries/list-demo-accounts/list-demo-accounts.http.controller.js';
import { ListInvitationsHttpController } from './queries/list-invitations/list-invitations.http.controller.js';
import { SessionService } from './session.service.js';

/**
 * Accounts, sessions, CSRF, invitations and password resets (ADR 0007). The account store itself
 * is opened by the InfrastructureModule; seats are the CommunesModule's (events).
 */
@Module({
  imports: [CommunesModule],
  controllers: [
    LogInHttpController,
    LogOutHttpController,
    ChooseRoleFormHttpController,
    ChangePasswordHttpController,
    GetMeHttpController,
    ResetPasswordHttpController,
    InviteHttpController,
    ListInvitationsHttpController,
    RevokeInvitationHttpController,
    GetInvitationHttpController,
    AcceptInvitationHttpController,
    ListAccountsHttpController,
    DisableAccountHttpController,
    ListDemoAccountsHttpController,
  ],
  providers: [
    { provide: IDENTITY_CONFIG, inject: [APP_CONFIG], useFactory: (config: AppConfig) => identityConfig(config) },
    { provide: PasswordPolicy, useFactory: () => new PasswordPolicy(loadCommonPasswords()) },
    { provide: APP_GUARD, useClass: CsrfGuard },
    SessionService,
    PasswordHasher,
    Authentication,
    Mailer,
    MeView,
    Invitations,
    PasswordResets,
    DemoAccounts,
  ],
  exports: [SessionService, DemoAccounts, Mailer, IDENTITY_CONFIG],
})
export class IdentityModule {}
