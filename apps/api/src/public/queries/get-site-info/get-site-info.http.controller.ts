import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SiteInfo } from '@carnet/contracts';
import { APP_CONFIG, type AppConfig } from '../../../config.js';

/**
 * What the web app's legal pages need from the configuration (their text lives in
 * @carnet/contracts): the Département's contact address and who hosts the service. No login.
 */
@ApiTags('Informations légales')
@Controller()
export class GetSiteInfoHttpController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('site-info')
  @ApiOperation({ summary: 'Adresse de contact du Département et hébergeur, pour les pages légales' })
  @ApiOkResponse({ description: '{ contactEmail, hostedBy, publisher } (variables CONTACT_EMAIL et HOSTED_BY ; les Départements servis)' })
  get(): SiteInfo {
    return { contactEmail: this.config.site.contactEmail, hostedBy: this.config.site.hostedBy, publisher: this.config.site.publisher };
  }
}
