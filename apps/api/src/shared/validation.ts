import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemException } from './problem.js';

/** Flattens class-validator errors into one French message per field (`a.b` for nested fields). */
export function fieldErrors(errors: ValidationError[], parent = ''): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    if (constraints.whitelistValidation) {
      out.push({ field, message: `Le champ « ${field} » n’est pas accepté.` });
    } else {
      const first = Object.values(constraints)[0];
      if (first) out.push({ field, message: first });
    }
    if (error.children?.length) out.push(...fieldErrors(error.children, field));
  }
  return out;
}

/** Refuses unknown fields and wrong types with a 400 problem naming every field at fault. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  exceptionFactory: (errors) => {
    const list = fieldErrors(errors);
    return new ProblemException(
      400,
      'validation',
      'Certains champs sont invalides',
      list.map((e) => e.message).join(' '),
      list,
    );
  },
});
