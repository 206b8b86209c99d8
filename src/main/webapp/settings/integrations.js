// Settings > Integrations > Jira Data Center: plain JavaScript on the service's JSON APIs.
// Secrets typed here (API key, admin PATs) go to the server once, in the request that needs them, and the
// field is emptied afterwards; nothing is put in localStorage, sessionStorage or cookies.
'use strict';

(function () {
    const $ = (id) => document.getElementById(id);

    /** The redirect outcomes of the OAuth callback (?jira-dc=...), in words. */
    const OAUTH_OUTCOMES = {
        'connected': 'Connected: your Jira account is linked.',
        'access-denied': 'Not connected: access was declined in Jira.',
        'state-unknown': 'Not connected: this connection was not started here. Click Connect again.',
        'state-expired': 'Not connected: more than 10 minutes passed since you clicked Connect. Click Connect again.',
        'state-replayed': 'Not connected: this Jira answer was used already. Click Connect again.',
        'wrong-account': 'Not connected: another OpenHands user started this connection. Click Connect again.',
        'not-signed-in': 'Not connected: your session ended meanwhile. Sign in and click Connect again.',
        'token-refused': 'Not connected: Jira refused the authorization code. An administrator should check the OAuth client ID and secret.',
        'callback-mismatch': 'Not connected: Jira does not accept the redirect URL. An administrator should register the exact callback URL in Jira.',
        'jira-unreachable': 'Not connected: Jira could not be reached from OpenHands.',
        'tls-failure': 'Not connected: Jira\'s certificate is not trusted. An administrator should add its CA to jira-dc.trusted-ca.',
        'jira-account-taken': 'Not connected: that Jira account is linked to another OpenHands account.',
        'failed': 'Not connected: the connection failed.'
    };

    /** The redirect outcomes of sign-in (?sign-in=...). */
    const SIGN_IN_OUTCOMES = {
        'unavailable': 'Sign-in is not available: the identity provider cannot be reached or is not configured.',
        'expired': 'Sign-in did not finish: it was not started in this browser, or was completed already. Sign in again.',
        'refused': 'The identity provider refused the sign-in.',
        'no-email': 'Sign-in refused: the identity provider did not say which email address you have. Ask its administrator to release the email claim to this service.',
        'unverified': 'Sign-in refused: the identity provider does not say that your email address is verified. Verify it there, then sign in again.',
        'failed': 'Sign-in failed: the identity provider\'s answer could not be verified.'
    };

    const STATUS_WORDS = { ok: 'OK', problem: 'Problem', unknown: 'Not verified' };

    let account = null;
    let checkRuns = 0;

    // ---------------------------------------------------------------- helpers

    const call = window.settingsApi.call;

    /** Shows a result next to the action that caused it. kind: ok, error or pending. */
    function say(element, text, kind) {
        element.textContent = text || '';
        element.className = 'result' + (kind ? ' ' + kind : '');
        element.hidden = !text;
    }

    /** Runs an action with its button disabled, reporting into its result element. */
    async function act(button, result, pendingText, action) {
        button.disabled = true;
        say(result, pendingText, 'pending');
        try {
            await action();
        } finally {
            button.disabled = false;
        }
    }

    function when(iso) {
        if (!iso) {
            return '';
        }
        const date = new Date(iso);
        return isNaN(date.getTime()) ? iso : date.toLocaleString();
    }

    function timeElement(iso) {
        const time = document.createElement('time');
        time.dateTime = iso;
        time.textContent = when(iso);
        return time;
    }

    function element(tag, text, className) {
        const e = document.createElement(tag);
        if (text !== undefined && text !== null) {
            e.textContent = text;
        }
        if (className) {
            e.className = className;
        }
        return e;
    }

    async function copy(text, result, what) {
        let copied = false;
        try {
            await navigator.clipboard.writeText(text);
            copied = true;
        } catch (e) {
            const area = document.createElement('textarea');
            area.value = text;
            area.setAttribute('readonly', '');
            area.style.position = 'fixed';
            area.style.opacity = '0';
            document.body.appendChild(area);
            area.select();
            try {
                copied = document.execCommand('copy');
            } catch (ignored) {
                copied = false;
            }
            area.remove();
        }
        say(result, copied ? what + ' copied.' : 'Could not copy: select the ' + what.toLowerCase() + ' and press Ctrl+C.',
            copied ? 'ok' : 'error');
    }

    // ---------------------------------------------------------------- start

    async function start() {
        showRedirectOutcome();
        showSimulator();
        const answer = await call('GET', '/account');
        $('jira-dc').setAttribute('aria-busy', 'false');
        if (answer.status === 404) {
            say($('page-status'), '', null);
            $('disabled').hidden = false;
            $('disabled-detail').textContent = answer.error;
            $('outcome').hidden = true;
            return;
        }
        if (answer.status === 401) {
            say($('page-status'), '', null);
            $('signed-out').hidden = false;
            return;
        }
        if (!answer.ok) {
            say($('page-status'), answer.error, 'error');
            return;
        }
        say($('page-status'), '', null);
        account = answer.data;
        $('signed-in-as').textContent = 'Signed in as ' + account.email + (account.admin ? ' (admin)' : '');
        $('signed-in-as').hidden = false;
        $('sign-out').hidden = false;
        $('card-body').hidden = false;
        renderApiKey(account.openHandsApiKey);
        await loadLink();
        if (account.admin) {
            $('webhook-setup').hidden = false;
            $('troubleshooting').hidden = false;
            await loadConnections();
            await runChecks();
        }
    }

    /** In the ./mvnw -Prun demo only (404 anywhere else): a pointer to the simulated Jira issue. */
    async function showSimulator() {
        const answer = await call('GET', '/simulator');
        if (answer.ok && answer.data && /^https?:\/\//.test(answer.data.page)) {
            $('simulator-page').href = answer.data.page;
            $('simulator').hidden = false;
        }
    }

    /** ?jira-dc=<outcome> from the OAuth callback, ?sign-in=<reason> from a failed sign-in; then a clean address. */
    function showRedirectOutcome() {
        const params = new URLSearchParams(window.location.search);
        const oauth = params.get('jira-dc');
        const signIn = params.get('sign-in');
        const banner = $('outcome');
        if (oauth) {
            banner.textContent = OAUTH_OUTCOMES[oauth] || ('The connection to Jira ended with: ' + oauth + '.');
            banner.className = 'banner ' + (oauth === 'connected' ? 'ok' : 'problem');
            banner.dataset.outcome = oauth;
            banner.hidden = false;
        } else if (signIn) {
            banner.textContent = SIGN_IN_OUTCOMES[signIn] || ('Sign-in ended with: ' + signIn + '.');
            banner.className = 'banner problem';
            banner.dataset.outcome = 'sign-in-' + signIn;
            banner.hidden = false;
        }
        if (oauth || signIn) {
            window.history.replaceState(null, '', window.location.pathname);
        }
    }

    // ---------------------------------------------------------------- the person's Jira link

    async function loadLink() {
        const answer = await call('GET', '/link');
        if (!answer.ok) {
            say($('link-result'), answer.error, 'error');
            return;
        }
        renderLink(answer.data);
    }

    function renderLink(link) {
        const oauth = link.linkingMethod === 'oauth';
        $('link-method').textContent = oauth ? 'OAuth 2.0: you prove in Jira which Jira account is yours'
            : 'Email match: your Jira email must be ' + account.email;
        const status = $('link-status');
        status.textContent = '';
        const broken = link.linked && link.link.needsReconnect;
        if (link.linked) {
            const l = link.link;
            const who = l.jiraDisplayName + ' (' + l.jiraName + ')';
            status.append(element('strong', l.method === 'email' ? 'Linked by email' : (broken ? 'Needs reconnecting' : 'Connected')));
            status.append(' to ' + who + ' since ', timeElement(l.linkedAt), '.');
            if (broken) {
                status.append(element('span', ' Jira no longer accepts this link: ' + l.needsReconnect + ' Click Connect again.', 'detail'));
            }
        } else {
            status.append(element('strong', oauth ? 'Not connected' : 'Not linked yet'));
            status.append(oauth ? '. Click Connect to sign in to Jira and allow OpenHands.'
                : '. You are linked by email at your first request, or now with Check.');
        }
        status.dataset.state = link.linked ? (broken ? 'needs-reconnect' : 'linked') : 'not-linked';
        const attempt = $('last-attempt');
        attempt.textContent = '';
        if (link.lastAttempt) {
            const a = link.lastAttempt;
            attempt.dataset.outcome = a.outcome;
            attempt.append(timeElement(a.at), ': ' + (OAUTH_OUTCOMES[a.outcome] || a.outcome) + ' ');
            attempt.append(element('span', a.message, 'detail'));
        } else {
            attempt.textContent = 'None yet.';
        }
        $('connect').hidden = !oauth || (link.linked && !broken);
        $('connect').textContent = broken ? 'Connect again' : 'Connect';
        $('disconnect').hidden = !oauth || !link.linked;
        $('check-link').hidden = oauth && !link.linked;
    }

    $('check-link').addEventListener('click', (event) => act(event.currentTarget, $('link-result'), 'Asking Jira…', async () => {
        const answer = await call('POST', '/link/check');
        if (answer.ok) {
            say($('link-result'), 'Jira confirms the link: ' + answer.data.jiraDisplayName + ' (' + answer.data.jiraName + ').', 'ok');
            await loadLink();
        } else {
            say($('link-result'), answer.error, 'error');
        }
    }));

    $('disconnect').addEventListener('click', (event) => act(event.currentTarget, $('link-result'), 'Disconnecting…', async () => {
        const answer = await call('DELETE', '/link');
        if (answer.ok) {
            renderLink(answer.data);
            say($('link-result'), 'Disconnected: the link and its Jira tokens are removed.', 'ok');
            $('connect').focus();
        } else {
            say($('link-result'), answer.error, 'error');
        }
    }));

    // ---------------------------------------------------------------- OpenHands API key

    // state: 'set', 'not set', or 'managed' (this service gets the key from OpenHands: nothing to paste)
    function renderApiKey(state) {
        const managed = state === 'managed';
        const set = state === 'set';
        $('api-key-form').hidden = managed;
        if (managed) {
            $('api-key-intro').textContent = 'Jobs start as you, with an OpenHands API key that this service gets from'
                + ' OpenHands for you. You do not need to paste one: signing in and connecting Jira is all it takes.';
        }
        $('api-key-status').textContent = managed ? 'Managed by this service'
            : set ? 'Set' : 'Not set: jobs cannot start as you until you save one.';
        $('api-key-status').dataset.state = managed ? 'managed' : set ? 'set' : 'not-set';
        $('save-api-key').textContent = set ? 'Replace key' : 'Save key';
        $('remove-api-key').hidden = !set;
    }

    $('api-key-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const field = $('api-key');
        const key = field.value.trim();
        field.value = '';
        act($('save-api-key'), $('api-key-result'), 'Checking the key with OpenHands…', async () => {
            const answer = await call('PUT', '/account/openhands-api-key', { apiKey: key });
            if (answer.ok) {
                renderApiKey('set');
                say($('api-key-result'), 'Saved: OpenHands accepted the key.', 'ok');
            } else {
                say($('api-key-result'), answer.error, 'error');
            }
        });
    });

    $('remove-api-key').addEventListener('click', (event) => act(event.currentTarget, $('api-key-result'), 'Removing…', async () => {
        const answer = await call('DELETE', '/account/openhands-api-key');
        if (answer.ok) {
            renderApiKey('not set');
            say($('api-key-result'), 'Removed.', 'ok');
            $('api-key').focus();
        } else {
            say($('api-key-result'), answer.error, 'error');
        }
    }));

    // ---------------------------------------------------------------- webhook setup (admins)

    function chooseSetup() {
        const manual = $('choose-manual').checked;
        $('manual-panel').hidden = !manual;
        $('automatic-panel').hidden = manual;
    }
    $('choose-automatic').addEventListener('change', chooseSetup);
    $('choose-manual').addEventListener('change', chooseSetup);

    $('automatic-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const field = $('admin-pat');
        const pat = field.value.trim();
        field.value = '';
        act($('install-automatically'), $('automatic-result'), 'Installing the webhook in Jira…', async () => {
            const answer = await call('POST', '/connections/automatic', { adminPat: pat });
            if (answer.ok) {
                say($('automatic-result'), 'Installed: Jira\'s webhook "' + answer.data.jiraWebhookName + '" now sends events to '
                    + answer.data.eventsUrl + '. The PAT was not kept.' + (answer.data.notice ? ' ' + answer.data.notice : ''), 'ok');
                await loadConnections();
                await runChecks();
            } else {
                say($('automatic-result'), answer.error, 'error');
            }
        });
    });

    let shownConnection = null;

    function showManualDetails(details) {
        shownConnection = details.id;
        $('choose-manual').checked = true;
        chooseSetup();
        $('manual-url').textContent = details.eventsUrl;
        $('manual-secret').textContent = details.secret;
        const events = $('manual-events');
        events.textContent = '';
        (details.events || []).forEach((name) => events.append(element('li', name)));
        $('manual-instructions').textContent = details.instructions || '';
        $('manual-details').hidden = false;
        $('activate-manual').hidden = details.status === 'active';
        say($('activate-result'), details.status === 'active' ? 'This connection is active.' : '', details.status === 'active' ? 'ok' : null);
        say($('copy-result'), '', null);
    }

    $('generate-manual').addEventListener('click', (event) => act(event.currentTarget, $('manual-result'), 'Generating…', async () => {
        const answer = await call('POST', '/connections/manual', {});
        if (answer.ok) {
            showManualDetails(answer.data);
            say($('manual-result'), 'Generated. Enter these values in Jira, then click "I created the webhook".', 'ok');
            await loadConnections();
            $('manual-url').closest('dd').querySelector('button').focus();
        } else {
            say($('manual-result'), answer.error, 'error');
        }
    }));

    $('activate-manual').addEventListener('click', (event) => act(event.currentTarget, $('activate-result'), 'Activating…', async () => {
        const answer = await call('POST', '/connections/' + encodeURIComponent(shownConnection) + '/activate', {});
        if (answer.ok) {
            say($('activate-result'), 'Active: deliveries signed with this secret are accepted now.', 'ok');
            $('activate-manual').hidden = true;
            await loadConnections();
            await runChecks();
        } else {
            say($('activate-result'), answer.error, 'error');
        }
    }));

    document.querySelectorAll('button.copy').forEach((button) => {
        button.addEventListener('click', () => {
            const source = $(button.dataset.copy);
            const text = source.tagName === 'UL'
                ? Array.from(source.querySelectorAll('li')).map((li) => li.textContent).join('\n') : source.textContent;
            const what = { 'manual-url': 'URL', 'manual-secret': 'Secret', 'manual-events': 'Events' }[button.dataset.copy] || 'Value';
            copy(text, $('copy-result'), what);
        });
    });

    $('connections-pat-form').addEventListener('submit', (event) => event.preventDefault());

    async function loadConnections() {
        const answer = await call('GET', '/connections');
        const body = $('connections').querySelector('tbody');
        if (!answer.ok) {
            say($('connections-result'), answer.error, 'error');
            return;
        }
        body.textContent = '';
        $('no-connections').hidden = answer.data.length > 0;
        $('connections').hidden = answer.data.length === 0;
        answer.data.forEach((connection) => body.append(connectionRow(connection)));
    }

    function connectionRow(connection) {
        const row = document.createElement('tr');
        row.dataset.connection = connection.id;
        row.dataset.status = connection.status;
        const id = element('td');
        id.append(element('code', connection.id.substring(0, 8), null));
        id.title = connection.id;
        const created = element('div', null, 'help');
        created.append('created ', timeElement(connection.createdAt));
        id.append(created);
        row.append(id);
        row.append(element('td', connection.setup === 'automatic' ? 'Automatic' : 'Manual'));
        const status = element('td', connection.status === 'active' ? 'Active' : 'Inactive', 'status');
        if (connection.activatedAt) {
            const since = element('div', null, 'help');
            since.append('since ', timeElement(connection.activatedAt));
            status.append(since);
        }
        if (connection.previousSecretValidUntil) {
            const grace = element('div', null, 'help');
            grace.append('previous secret accepted until ', timeElement(connection.previousSecretValidUntil));
            status.append(grace);
        }
        row.append(status);
        const last = element('td', null, 'last-delivery');
        if (connection.lastDeliveryAt) {
            last.append(timeElement(connection.lastDeliveryAt));
        } else {
            last.textContent = 'None yet';
        }
        row.append(last);
        const actions = element('td');
        const buttons = element('div', null, 'actions');
        const result = element('p', null, 'result');
        result.setAttribute('role', 'status');
        result.setAttribute('aria-live', 'polite');
        result.hidden = true;
        const label = (text) => text + ' (connection ' + connection.id.substring(0, 8) + ')';
        if (connection.setup === 'manual') {
            buttons.append(rowButton('Show webhook details', label('Show webhook details'), result, 'Loading…', async () => {
                const answer = await call('GET', '/connections/' + encodeURIComponent(connection.id) + '/manual-details');
                if (answer.ok) {
                    showManualDetails(answer.data);
                    say(result, 'Shown above, under "Set it up in Jira myself".', 'ok');
                } else {
                    say(result, answer.error, 'error');
                }
            }));
        }
        buttons.append(rowButton('Rotate secret', label('Rotate secret'), result, 'Rotating…', async () => {
            const answer = await call('POST', '/connections/' + encodeURIComponent(connection.id) + '/rotate-secret', patBody());
            if (answer.ok) {
                if (answer.data.secret) {
                    showManualDetails(answer.data);
                    say(result, 'New secret shown above: enter it in Jira\'s webhook. The previous one is accepted until '
                        + when(answer.data.previousSecretValidUntil) + '.', 'ok');
                } else {
                    say(result, 'Rotated, and Jira has the new secret.', 'ok');
                }
                await loadConnections();
            } else {
                say(result, answer.error, 'error');
            }
        }));
        if (connection.status === 'active' || connection.jiraWebhookId) {
            buttons.append(rowButton('Uninstall', label('Uninstall'), result, 'Uninstalling…', async () => {
                const answer = await call('POST', '/connections/' + encodeURIComponent(connection.id) + '/uninstall', patBody());
                if (answer.ok) {
                    await loadConnections();
                    say($('connections-result'), 'Uninstalled: the webhook is deleted in Jira and the connection is inactive.', 'ok');
                } else {
                    say(result, answer.error, 'error');
                }
            }, 'danger'));
        }
        actions.append(buttons, result);
        row.append(actions);
        return row;
    }

    /** The admin PAT typed for connection actions: sent with this one request, then cleared. */
    function patBody() {
        const field = $('connections-pat');
        const pat = field.value.trim();
        field.value = '';
        return pat ? { adminPat: pat } : {};
    }

    function rowButton(text, accessibleName, result, pendingText, action, className) {
        const button = element('button', text, className);
        button.type = 'button';
        button.setAttribute('aria-label', accessibleName);
        button.addEventListener('click', () => act(button, result, pendingText, action));
        return button;
    }

    // ---------------------------------------------------------------- troubleshooting (admins)

    async function runChecks() {
        const button = $('run-checks');
        await act(button, $('checks-status'), 'Running the checks…', async () => {
            const answer = await call('GET', '/diagnostics');
            if (!answer.ok) {
                say($('checks-status'), answer.error, 'error');
                return;
            }
            const list = $('checks');
            list.textContent = '';
            const counts = { ok: 0, problem: 0, unknown: 0 };
            answer.data.checks.forEach((check) => {
                counts[check.status] = (counts[check.status] || 0) + 1;
                list.append(checkItem(check));
            });
            renderDeliveries(answer.data.recentDeliveries);
            list.dataset.run = String(++checkRuns);
            say($('checks-status'), 'Checked at ' + new Date().toLocaleTimeString() + ': ' + counts.ok + ' OK, ' + counts.problem
                + ' ' + (counts.problem === 1 ? 'problem' : 'problems') + ', ' + counts.unknown + ' not verified.',
                counts.problem > 0 ? 'error' : 'ok');
        });
    }

    function checkItem(check) {
        const item = element('li', null, check.status);
        item.dataset.check = check.id;
        item.dataset.status = check.status;
        const head = element('p');
        head.append(element('span', STATUS_WORDS[check.status] || check.status, 'badge'), ' ',
            element('span', check.title, 'check-title'));
        item.append(head, element('p', check.detail, 'detail'));
        if (check.fix) {
            const fix = element('p', null, 'fix');
            fix.append(element('strong', 'Fix: '), check.fix);
            item.append(fix);
        }
        if (check.value) {
            const value = element('p');
            const code = element('code', check.value);
            code.id = 'check-value-' + check.id;
            const button = element('button', 'Copy', 'copy');
            button.type = 'button';
            button.setAttribute('aria-label', 'Copy ' + check.value);
            const result = element('span', null, 'result');
            result.setAttribute('role', 'status');
            result.setAttribute('aria-live', 'polite');
            button.addEventListener('click', () => copy(check.value, result, 'URL'));
            value.append(code, ' ', button, ' ', result);
            item.append(value);
        }
        return item;
    }

    function renderDeliveries(deliveries) {
        const body = $('deliveries').querySelector('tbody');
        body.textContent = '';
        $('no-deliveries').hidden = deliveries.length > 0;
        $('deliveries').hidden = deliveries.length === 0;
        deliveries.forEach((d) => {
            const row = document.createElement('tr');
            const received = element('td');
            received.append(timeElement(d.receivedAt));
            row.append(received, element('td', d.event || ''), element('td', d.issueKey || ''), element('td', d.actor || ''),
                element('td', d.outcome), element('td', d.result || (d.outcome.startsWith('trigger:') ? 'being processed' : '')));
            body.append(row);
        });
    }

    // the connections' last deliveries change too: refresh them with the checks
    $('run-checks').addEventListener('click', async () => {
        await loadConnections();
        await runChecks();
    });

    $('sign-out').addEventListener('click', async () => {
        await fetch('/sign-in/out', { method: 'POST', credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
        window.location.assign('/settings/integrations');
    });

    start();
})();
