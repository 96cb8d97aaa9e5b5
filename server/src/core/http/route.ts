import { moduleOfRoute, type RouteContract } from '@gatehouse/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RequestContext } from '../context';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

type RouteRequest<C extends RouteContract> = FastifyRequest & {
  params: Out<C['params']>;
  query: Out<C['query']>;
  body: Out<C['body']>;
  ctx: RequestContext;
};

type RouteHandler<C extends RouteContract> = (
  request: RouteRequest<C>,
  reply: FastifyReply,
) => Promise<z.input<C['response']> | FastifyReply>;

/**
 * Registers one route from its contract: params, query and body are validated by the contract's schemas, and the
 * response is serialized through the contract's response schema, so fields it does not declare are never sent.
 * Routes are private unless the contract says `public: true`; the auth hook enforces it.
 */
export function route<C extends RouteContract>(app: FastifyInstance, contract: C, handler: RouteHandler<C>) {
  const status = contract.status ?? 200;
  // The declaring module is the OpenAPI tag, so the document groups operations per module.
  const module = moduleOfRoute(contract);
  app.route({
    method: contract.method,
    url: contract.path,
    config: { public: contract.public === true },
    schema: {
      summary: contract.summary,
      ...(module ? { tags: [module] } : {}),
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      ...(contract.response && !contract.path.endsWith('.csv') ? { response: { [status]: contract.response } } : {}),
    },
    handler: async (request, reply) => {
      const result = await handler(request as RouteRequest<C>, reply);
      if (result === reply) return reply;
      reply.code(status);
      return result;
    },
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    public?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
