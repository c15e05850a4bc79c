import { HttpException } from '@nestjs/common';
import type { Problem } from '@carnet/contracts';

/** An HTTP error answered as RFC 9457 problem details, with a French title and detail. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    title: string,
    detail?: string,
    readonly errors?: Problem['errors'],
    readonly headers: Record<string, string> = {},
  ) {
    super({ title, detail }, status);
  }

  toProblem(instance: string): Problem {
    const body = this.getResponse() as { title: string; detail?: string };
    return {
      type: problemType(this.code),
      title: body.title,
      status: this.getStatus(),
      ...(body.detail ? { detail: body.detail } : {}),
      instance,
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

/** Problem type URIs are stable identifiers documented in the README (not fetched). */
export const problemType = (code: string): string => `urn:carnet-de-projets:probleme:${code}`;
