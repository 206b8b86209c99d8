# OpenHands for Jira Data Center on Payara Micro (the default server).
# Build from the repository root after `mvn package`:
#   docker build -f docker/payara-micro.Dockerfile -t openhands-jira-dc:payara-micro .
# Every setting is an environment variable (README, "Configuration"): JIRA_DC_ENABLED, SECRETS_KEY,
# DATASOURCE_CLASS_NAME, DATASOURCE_URL, ... The WAR's own pool (WEB-INF/glassfish-resources.xml) reads
# the DATASOURCE_* variables; without them the database is embedded H2 in /opt/payara/openhands-jira-dc-data.
FROM payara/micro:6.2025.10-jdk17
COPY --chown=payara target/openhands-jira-dc.war /opt/payara/deployments/
EXPOSE 8080
# readiness: http://localhost:8080/health/ready, liveness: /health/live
CMD ["--deploymentDir", "/opt/payara/deployments", "--nocluster", "--disablephonehome"]
