import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { MoneyField, NotBlank, SingleLine } from '../shared/field-rules.js';
import { DESCRIPTION_MAX, PROJECT_STEPS, PROJECT_THEMES, QUESTION_CATEGORIES, TEXT_MAX, TITLE_MAX } from '@carnet/domain';

/** Reusable, French-speaking validation decorators for the fields of project requests. */
export const TitleField = (required: boolean) => (target: object, key: string) => {
  ApiProperty({ description: 'Titre du projet', example: 'Rénovation de la toiture de l’école', maxLength: TITLE_MAX, required })(target, key);
  // Left out means « unchanged »; null is no title (IsOptional would let null through).
  if (!required) ValidateIf((_, value) => value !== undefined)(target, key);
  IsString({ message: 'Le titre doit être un texte.' })(target, key);
  NotBlank('Le titre')(target, key);
  MaxLength(TITLE_MAX, { message: `Le titre dépasse ${TITLE_MAX} caractères.` })(target, key);
  SingleLine('Le titre')(target, key);
};

export const DescriptionField = () => (target: object, key: string) => {
  ApiPropertyOptional({ description: 'Description libre', maxLength: DESCRIPTION_MAX })(target, key);
  IsOptional()(target, key);
  IsString({ message: 'La description doit être un texte.' })(target, key);
  MaxLength(DESCRIPTION_MAX, { message: `La description dépasse ${DESCRIPTION_MAX} caractères.` })(target, key);
};

export const ThemeField = (required: boolean) => (target: object, key: string) => {
  ApiProperty({ description: 'Thème', enum: PROJECT_THEMES, required })(target, key);
  // Left out means « unchanged »; null is no theme (IsOptional would let null through, and store it).
  if (!required) ValidateIf((_, value) => value !== undefined)(target, key);
  IsIn(PROJECT_THEMES as unknown as string[], { message: `Le thème doit être l’un de : ${PROJECT_THEMES.join(', ')}.` })(target, key);
};

export const CostField = () => MoneyField('Le coût estimé', { description: 'Coût estimé', example: 180000, nullable: true });

export const StepField = () => (target: object, key: string) => {
  ApiProperty({ description: 'Étape', enum: PROJECT_STEPS })(target, key);
  IsIn(PROJECT_STEPS as unknown as string[], { message: `L’étape doit être l’une de : ${PROJECT_STEPS.join(', ')}.` })(target, key);
};

export const ProgressField = () => (target: object, key: string) => {
  ApiProperty({ description: 'Avancement en pourcentage', minimum: 0, maximum: 100, example: 40 })(target, key);
  IsInt({ message: 'L’avancement doit être un nombre entier.' })(target, key);
  Min(0, { message: 'L’avancement ne peut pas être inférieur à 0 %.' })(target, key);
  Max(100, { message: 'L’avancement ne peut pas dépasser 100 %.' })(target, key);
};

export const TextField = (label: string, max = TEXT_MAX) => (target: object, key: string) => {
  ApiProperty({ description: label, maxLength: max })(target, key);
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))(target, key);
  // First, so that a missing field reads « … est obligatoire » rather than « … doit être un texte ».
  IsDefined({ message: `${label} est obligatoire.` })(target, key);
  IsString({ message: `${label} doit être un texte.` })(target, key);
  NotBlank(label)(target, key);
  MaxLength(max, { message: `${label} dépasse ${max} caractères.` })(target, key);
  // Short texts (a public title, a funder's name) hold on one line; long ones keep their line feeds and tabs.
  if (max <= SINGLE_LINE_MAX) SingleLine(label)(target, key);
};

/** Texts up to this length are names and titles: one line. */
const SINGLE_LINE_MAX = 300;

export const CategoryField = () => (target: object, key: string) => {
  ApiProperty({ description: 'Catégorie de la question', enum: QUESTION_CATEGORIES })(target, key);
  IsIn(QUESTION_CATEGORIES as unknown as string[], { message: `La catégorie doit être l’une de : ${QUESTION_CATEGORIES.join(', ')}.` })(target, key);
};

export const CodeInseeField = () => (target: object, key: string) => {
  ApiProperty({ description: 'Code INSEE de la commune (5 caractères)', example: '95002' })(target, key);
  IsString({ message: 'Le code INSEE doit être un texte.' })(target, key);
  Matches(/^\d[0-9AB]\d{3}$/, { message: 'Le code INSEE doit comporter 5 caractères, par exemple 95002.' })(target, key);
};

/** Ids of project documents (added with DocumentAdded by the documents context): optional, UUIDs, at most 20. */
export const DocumentIdsField = () => (target: object, key: string) => {
  ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 20, description: 'Documents du projet joints' })(target, key);
  IsOptional()(target, key);
  IsArray({ message: 'Les documents joints doivent être une liste.' })(target, key);
  ArrayMaxSize(20, { message: 'Joignez au plus 20 documents.' })(target, key);
  IsUUID('all', { each: true, message: 'Un document joint n’est pas reconnu (identifiant invalide).' })(target, key);
};
