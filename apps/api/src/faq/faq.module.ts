import { Module } from '@nestjs/common';
import { FaqHistoryLog } from '../audit/faq-history.js';
import { GetFaqHistoryHttpController } from '../audit/replays/get-faq-history/get-faq-history.http.controller.js';
import { CommunesModule } from '../communes/communes.module.js';
import { DemoFaq } from '../demo/demo-faq.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { PublicModule } from '../public/public.module.js';
import { ChangeFaqStatusHttpController } from './commands/change-faq-status/change-faq-status.http.controller.js';
import { FaqCommands } from './commands/faq-commands.js';
import { UseFaqHttpController } from './commands/use-faq/use-faq.http.controller.js';
import { WriteFaqEntryHttpController } from './commands/write-faq-entry/write-faq-entry.http.controller.js';
import { FaqReader } from './faq-reader.js';
import { PublicFaqHttpController } from './public/public-faq.http.controller.js';
import { ReadFaqHttpController } from './queries/read-faq/read-faq.http.controller.js';

/**
 * The collaborative FAQ (issue #11, ADR 0018): entries event-sourced in `faq-<id>`, written by the
 * Département (or proposed by a commune), searched in French, suggested while a commune writes a
 * question, and — when public — shown on the portal and in the public API.
 */
@Module({
  imports: [CommunesModule, DirectoryModule, PublicModule],
  controllers: [WriteFaqEntryHttpController, ChangeFaqStatusHttpController, UseFaqHttpController, ReadFaqHttpController, GetFaqHistoryHttpController, PublicFaqHttpController],
  providers: [FaqCommands, FaqReader, FaqHistoryLog, DemoFaq],
  exports: [FaqReader],
})
export class FaqModule {}
