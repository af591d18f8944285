# Quoth in a container: Node LTS (slim), production dependencies only, compiled to dist/, run as the unprivileged
# `node` user. Seeds, index and feedback live in volumes. Build and run: see docs/DEPLOY.md.
FROM node:22-bookworm-slim

ENV NODE_ENV=production \
    SEEDS_DIR=/seeds \
    INDEX_DIR=/index \
    DATA_DIR=/data

WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build

# The example articles, so the image answers out of the box; mount your own folder on /seeds.
COPY seeds /seeds
RUN mkdir -p /index /data && chown -R node:node /seeds /index /data

USER node
VOLUME ["/seeds", "/index", "/data"]

# Healthy while the bot's Discord gateway connection is ready (a heartbeat file in /data, rewritten every 15 s).
HEALTHCHECK --interval=30s --timeout=10s --start-period=180s --retries=3 CMD ["node", "dist/src/bin.js", "health"]

CMD ["node", "dist/src/bin.js", "serve"]
