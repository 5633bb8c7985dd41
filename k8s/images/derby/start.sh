#!/bin/sh
# Starts the Derby Network Server with one user (DERBY_USER/DERBY_PASSWORD, from the msaair-secrets
# Secret) allowed in; the databases live on the volume at /var/lib/derby.
set -eu
: "${DERBY_USER:?DERBY_USER is required}"
: "${DERBY_PASSWORD:?DERBY_PASSWORD is required}"
cat > /var/lib/derby/derby.properties <<PROPS
derby.connection.requireAuthentication=true
derby.authentication.provider=BUILTIN
derby.user.${DERBY_USER}=${DERBY_PASSWORD}
derby.database.defaultConnectionMode=fullAccess
derby.locks.deadlockTimeout=2
derby.locks.waitTimeout=10
derby.language.sequence.preallocator=100
PROPS
chmod 0600 /var/lib/derby/derby.properties
exec java ${JAVA_OPTS:--Xmx384m -XX:+ExitOnOutOfMemoryError} -Dderby.system.home=/var/lib/derby \
  -cp '/opt/derby/lib/*' org.apache.derby.drda.NetworkServerControl start -h 0.0.0.0 -p 1527 -noSecurityManager
