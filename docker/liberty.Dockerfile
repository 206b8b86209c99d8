# OpenHands for Jira Data Center on Open Liberty, with the server.xml the smoke test runs
# (src/main/liberty/config/server.xml). Build from the repository root after `mvn -Pliberty package`
# (which puts the H2 and PostgreSQL drivers in target/liberty/wlp/usr/shared/resources/jdbc):
#   docker build -f docker/liberty.Dockerfile -t openhands-jira-dc:liberty .
# Every setting is an environment variable: JIRA_DC_ENABLED, SECRETS_KEY, ... and the datasource's
# DATASOURCE_CLASS_NAME, DATASOURCE_URL, DATASOURCE_USER, DATASOURCE_PASSWORD.
FROM icr.io/appcafe/open-liberty:25.0.0.12-kernel-slim-java17-openj9-ubi
COPY --chown=1001:0 target/liberty/wlp/usr/shared/resources/jdbc/h2.jar \
     target/liberty/wlp/usr/shared/resources/jdbc/postgresql.jar /opt/ol/wlp/usr/shared/resources/jdbc/
COPY --chown=1001:0 src/main/liberty/config/server.xml /config/
# only the features server.xml names
RUN features.sh
COPY --chown=1001:0 target/openhands-jira-dc.war /config/apps/
RUN configure.sh
EXPOSE 9080
# readiness: http://localhost:9080/health/ready, liveness: /health/live
