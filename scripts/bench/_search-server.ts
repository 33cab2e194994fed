/**
 * Helper process of 20-search.ts (the "_" keeps the bench runner from running it): serves
 * GET /api/search through its real handler (src/search/http.ts) with an embedded engine over
 * CONTENT_DIR, in a bare Node server, so the load generator does not share its event loop.
 * Prints "listening PORT" when ready.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { todayInVietnam } from '~/catalogue/certificate-status';
import { loadCatalogue } from '~/catalogue/content-files';
import { buildSearchDocuments } from '~/search/documents';
import { EmbeddedSearchEngine } from '~/search/embedded';
import { searchApiResponse } from '~/search/http';

const engine = new EmbeddedSearchEngine(buildSearchDocuments(await loadCatalogue(), todayInVietnam()));
const server = createServer((req, res) => {
  void searchApiResponse(new URL(req.url ?? '/', 'http://localhost'), async () => engine).then(
    async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(await response.text());
    },
  );
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
