# syntax=docker/dockerfile:1
# Carnet de projets: the API, its OpenAPI and the built web app, on Node.js 24 LTS (ADR 0022).
#
#   docker build -t carnet-de-projets .
#   docker run -p 3000:3000 -v carnet-data:/data carnet-de-projets
#
# Three stages share the dependency layers: they are rebuilt only when a package.json or the lock
# changes. The image holds production dependencies only (no dev tools, no Angular sources), runs as
# the unprivileged `node` user, which owns /data, and reports its readiness to Docker.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- Manifests only: the layer every install below starts from -------------------------------
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY libs/domain/package.json libs/domain/
COPY libs/contracts/package.json libs/contracts/
COPY libs/event-store/package.json libs/event-store/
COPY libs/read-store/package.json libs/read-store/
COPY libs/account-store/package.json libs/account-store/
COPY libs/blob-store/package.json libs/blob-store/

# ---- Build: every dependency, then the server and the web app ---------------------------------
FROM manifests AS build
# The npm package `node` (Node 24 for machines whose system Node is older) is not needed on a Node 24 image.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund \
    && rm -rf node_modules/node node_modules/.bin/node
COPY tsconfig.base.json ./
COPY scripts/ng-run.mjs scripts/
COPY event-store event-store
COPY libs libs
COPY apps apps
RUN npm run build

# ---- Production dependencies of the API only (libs linked as workspaces; no web, no dev tools) ---
FROM manifests AS prod-deps
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund --workspace @carnet/api \
    && rm -rf node_modules/node node_modules/.bin/node

# ---- Runtime -------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    WEB_DIST=/app/apps/web/dist/browser
WORKDIR /app
# Code and dependencies belong to root and are read-only for the process; only /data is writable.
# The manifests and every node_modules folder of the install (npm nests some packages under apps/api).
COPY --from=prod-deps /app ./
COPY --from=build /app/libs/domain/dist libs/domain/dist
COPY --from=build /app/libs/contracts/dist libs/contracts/dist
COPY --from=build /app/libs/event-store/dist libs/event-store/dist
COPY --from=build /app/libs/read-store/dist libs/read-store/dist
COPY --from=build /app/libs/account-store/dist libs/account-store/dist
COPY --from=build /app/libs/blob-store/dist libs/blob-store/dist
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/api/assets apps/api/assets
COPY --from=build /app/apps/api/src/identity/common-passwords.txt apps/api/src/identity/
COPY --from=build /app/apps/web/dist/browser apps/web/dist/browser
# The volume's mount point, owned by the user the server runs as: a named volume starts with this owner.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Ready = every engine answers (GET /api/health/ready, ADR 0022); a slow first start (demo data,
# engines still starting) is covered by the start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Nest closes the stores on SIGTERM (projections stopped, e-mails and anchors waited for, ≤ 10 s).
STOPSIGNAL SIGTERM
CMD ["node", "apps/api/dist/main.js"]
