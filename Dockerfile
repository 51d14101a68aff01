# PlanDesk's container: built in stages so the image holds only what runs (see README "Container").
# Node 22 LTS on Debian slim (not 24: restify 11 does not load there, see README "Runtime versions");
# better-sqlite3's native module is built for this Node in each stage.
ARG NODE_IMAGE=node:22-bookworm-slim

# 1. Compile TypeScript to dist/ with every dependency (tsc is a dev dependency).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# 2. What runs: runtime dependencies only (better-sqlite3's install fetches its prebuilt native module for this
#    Node's ABI), the compiled code, the card templates and samples; no compiler, no dev dependencies, not root.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production PORT=3978 PLANDESK_DB=/data/plandesk.db
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3 && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY cards ./cards
COPY config ./config
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--disable-warning=DEP0111", "dist/main.js"]
