/**
 * The account store is opened and closed by the InfrastructureModule (global) with the other stores,
 * using the same engine choice as the read models; identity code injects it with this token.
 */
export { ACCOUNT_STORE } from '../infrastructure/tokens.js';
