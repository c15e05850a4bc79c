import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNumber, IsObject, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import type { LocateProjectRequest, ProjectLocationView } from '@carnet/contracts';

export class ProjectLocationDto implements ProjectLocationView {
  @ApiProperty({ description: 'Longitude WGS 84 en degrés (est positif), par exemple 1,98765', example: 1.98765, minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'La longitude doit être un nombre, par exemple 1.98765.' })
  @Min(-180, { message: 'La longitude doit être comprise entre -180 et 180.' })
  @Max(180, { message: 'La longitude doit être comprise entre -180 et 180.' })
  longitude!: number;

  @ApiProperty({ description: 'Latitude WGS 84 en degrés (nord positif), par exemple 49,08912', example: 49.08912, minimum: -90, maximum: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'La latitude doit être un nombre, par exemple 49.08912.' })
  @Min(-90, { message: 'La latitude doit être comprise entre -90 et 90.' })
  @Max(90, { message: 'La latitude doit être comprise entre -90 et 90.' })
  latitude!: number;
}

/** `PUT /projects/:id/location`. */
export class LocateProjectRequestDto implements LocateProjectRequest {
  @ApiProperty({
    type: ProjectLocationDto,
    nullable: true,
    description: 'Point précis, à l’intérieur du contour de la commune (à 100 m près) ; null : le projet est placé sur la commune entière',
  })
  @IsDefined({ message: 'Indiquez un point (longitude et latitude) ou null pour placer le projet sur la commune entière.' })
  @ValidateIf((_o, v) => v !== null)
  @IsObject({ message: 'Le point doit avoir une longitude et une latitude.' })
  @ValidateNested()
  @Type(() => ProjectLocationDto)
  location!: ProjectLocationDto | null;
}
