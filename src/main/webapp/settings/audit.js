// The settings page's "Audit trail" section (admins only): the filters, a page of records at a time, and the export
// links with the same filters. It shows itself only when the API answers (a 403 for non-admins keeps it hidden).
'use strict';
(function () {
    const API = '/api/integrations/jira-dc/audit';
    const $ = (id) => document.getElementById(id);
    let before = null;

    function filters() {
        const query = new URLSearchParams();
        for (const name of ['person', 'project', 'issue', 'from', 'to']) {
            const value = $('audit-' + name).value.trim();
            if (value) {
                query.set(name, value);
            }
        }
        return query;
    }

    function say(text, kind) {
        const status = $('audit-status');
        status.textContent = text || '';
        status.className = 'result' + (kind ? ' ' + kind : '');
        status.hidden = !text;
    }

    function cell(row, text) {
        const td = document.createElement('td');
        td.textContent = text || '';
        row.appendChild(td);
        return td;
    }

    function object(record) {
        const parts = [];
        if (record.issue) {
            parts.push(record.issue);
        }
        if (record.connection) {
            parts.push('connection ' + record.connection);
        }
        if (record.job) {
            parts.push('job ' + record.job);
        }
        return parts.join(', ');
    }

    function render(records, append) {
        const body = $('audit-records').tBodies[0];
        if (!append) {
            body.textContent = '';
        }
        for (const record of records) {
            const row = document.createElement('tr');
            const time = document.createElement('time');
            time.dateTime = record.at;
            time.textContent = new Date(record.at).toLocaleString();
            cell(row, '').appendChild(time);
            cell(row, record.who);
            cell(row, record.action + (record.reason ? ' (' + record.reason + ')' : ''));
            const what = cell(row, object(record));
            if (record.link && /^https?:\/\//.test(record.link)) {
                what.appendChild(document.createTextNode(' '));
                const a = document.createElement('a');
                a.href = record.link;
                a.rel = 'noopener noreferrer';
                a.textContent = 'conversation';
                what.appendChild(a);
            }
            cell(row, record.source);
            cell(row, record.outcome);
            body.appendChild(row);
        }
    }

    async function load(append) {
        const query = filters();
        for (const format of ['csv', 'jsonl']) {
            const exported = new URLSearchParams(query);
            exported.set('format', format);
            $('audit-export-' + format).href = API + '/export?' + exported.toString();
        }
        if (append && before !== null) {
            query.set('before', before);
        }
        const answer = await window.settingsApi.call('GET', '/audit?' + query.toString());
        if (!answer.ok) {
            say(answer.error, 'error');
            return false;
        }
        const data = answer.data;
        render(data.records, append);
        before = data.nextBefore === undefined ? null : data.nextBefore;
        $('audit-more').hidden = before === null;
        say(data.records.length === 0 && !append ? 'No record matches.' : '', null);
        return true;
    }

    async function start() {
        const probe = await window.settingsApi.call('GET', '/audit?limit=1');
        if (!probe.ok) {
            return;
        }
        $('audit').hidden = false;
        $('audit-filters').addEventListener('submit', (event) => {
            event.preventDefault();
            load(false);
        });
        $('audit-more').addEventListener('click', () => load(true));
        await load(false);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
