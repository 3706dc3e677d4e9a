import { isDeepStrictEqual } from 'node:util';
import { serializerCompiler } from 'fastify-type-provider-zod';

// Responses are shaped by the presenters, which return exactly what the response schema describes.
// Re-validating every response with zod cost ~20% of a 200-note page, so production serialises them
// as they are; everywhere else (tests, development) each response is encoded through its schema AND
// must come out unchanged, so a presenter that returns a field the schema would drop (an author that
// should be hidden, say) or a value it would transform fails the tests instead of relying on the
// schema to strip it in production.

type SerializerCompiler = typeof serializerCompiler;

const plain: SerializerCompiler = () => (data) => JSON.stringify(data);

const checked: SerializerCompiler = (route) => {
  const encode = serializerCompiler(route);
  return (data) => {
    const encoded = encode(data);
    const sent = JSON.stringify(data);
    if (sent !== undefined && !isDeepStrictEqual(JSON.parse(encoded), JSON.parse(sent))) {
      throw new Error(
        `${route.method} ${route.url}: the response differs from its schema's encoding (a field the schema drops or changes); production sends presenters' output unvalidated`,
      );
    }
    return encoded;
  };
};

export const responseSerializer = (production: boolean): SerializerCompiler => (production ? plain : checked);
