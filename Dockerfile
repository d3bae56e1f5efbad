# The planner in a container: built with Node, served by nginx with the headers in
# deploy/nginx.conf.template.   docker build -t hoc-planner . && docker run -p 8080:8080 hoc-planner

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM nginx:1.27-alpine
# The image renders /etc/nginx/templates/*.template into /etc/nginx/conf.d/ with these values
# at start (replacing the default site).
ENV HOC_PORT=8080 \
    HOC_ROOT=/usr/share/nginx/html
COPY deploy/nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /app/dist /usr/share/nginx/html
EXPOSE 8080
