/**
 * /.well-known/cnnt-verification-keys.json: the public badge keys (JWK, by key id, active and
 * retired) and the code format, so anyone can verify a badge code offline. On request, so it
 * always lists the keys the server actually verifies with.
 */
import type { APIRoute } from 'astro';
import { json } from '~/http/json';
import { publicKeySet, serverKeyring } from '~/verification/keyring';

export const prerender = false;

export const GET: APIRoute = () =>
  json(publicKeySet(serverKeyring()), 200, {
    'cache-control': 'public, max-age=3600',
    'access-control-allow-origin': '*',
  });
