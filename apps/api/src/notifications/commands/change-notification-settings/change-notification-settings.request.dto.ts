import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { EmailMode, NotificationSettingsRequest } from '@carnet/contracts';

export const EMAIL_MODES: EmailMode[] = ['immediate', 'daily_digest', 'none'];

export class ChangeNotificationSettingsRequestDto implements NotificationSettingsRequest {
  @ApiProperty({ enum: EMAIL_MODES, description: 'immediate : un courriel par notification ; daily_digest : un récapitulatif par jour ; none : aucun courriel' })
  @IsIn(EMAIL_MODES, { message: 'Choisissez « immediate », « daily_digest » ou « none ».' })
  emailMode!: EmailMode;
}
