// Settings > Integrations > Running jobs and limits (admins): the limits on running jobs, what runs and waits under
// them, and stopping a job. Shown only when the limits API answers, that is to admins.
'use strict';

(function () {
    const $ = (id) => document.getElementById(id);
    const FIELDS = {
        perPerson: 'limit-per-person', perProject: 'limit-per-project', installation: 'limit-installation',
        perIssuePerDay: 'limit-per-issue-per-day'
    };

    const call = window.settingsApi.call;

    function say(element, text, kind) {
        element.textContent = text || '';
        element.className = 'result' + (kind ? ' ' + kind : '');
        element.hidden = !text;
    }

    function cell(row, text) {
        const td = document.createElement('td');
        td.textContent = text;
        row.appendChild(td);
        return td;
    }

    function showLimits(limits) {
        for (const [name, id] of Object.entries(FIELDS)) {
            $(id).value = limits[name] === undefined || limits[name] === null ? '' : String(limits[name]);
        }
        $('limit-past').value = limits.pastLimit || 'queue';
    }

    async function saveLimits(event) {
        event.preventDefault();
        const body = { pastLimit: $('limit-past').value };
        for (const [name, id] of Object.entries(FIELDS)) {
            const value = $(id).value.trim();
            body[name] = value === '' ? null : Number(value);
        }
        say($('limits-result'), 'Saving...', 'pending');
        const answer = await call('PUT', '/limits', body);
        if (!answer.ok) {
            say($('limits-result'), answer.error, 'error');
            return;
        }
        showLimits(answer.data);
        say($('limits-result'), 'Saved: every instance applies these limits from now on.', 'ok');
        await loadActive();
    }

    function tally(tableId, rows) {
        const body = $(tableId).querySelector('tbody');
        body.replaceChildren();
        for (const row of rows) {
            const tr = document.createElement('tr');
            cell(tr, row.name);
            cell(tr, String(row.running));
            cell(tr, String(row.queued));
            body.appendChild(tr);
        }
    }

    async function loadActive() {
        const answer = await call('GET', '/jobs/active');
        if (!answer.ok) {
            say($('active-result'), answer.error, 'error');
            return;
        }
        const active = answer.data;
        $('active-summary').textContent = active.running + ' running, ' + active.queued + ' waiting.';
        const body = $('active-jobs').querySelector('tbody');
        body.replaceChildren();
        for (const job of active.jobs) {
            const tr = document.createElement('tr');
            tr.dataset.job = job.id;
            cell(tr, job.issueKey);
            cell(tr, job.person + (job.account ? ' (' + job.account + ')' : ''));
            cell(tr, job.repository);
            cell(tr, job.status === 'queued' ? 'waiting (' + job.position + ' in line)' : job.status);
            cell(tr, new Date(job.createdAt).toLocaleString());
            const actions = cell(tr, '');
            const stop = document.createElement('button');
            stop.type = 'button';
            stop.className = 'danger';
            stop.textContent = job.status === 'queued' ? 'Cancel' : 'Stop';
            stop.addEventListener('click', () => stopJob(job, stop));
            actions.appendChild(stop);
            body.appendChild(tr);
        }
        tally('active-per-person', active.perPerson);
        tally('active-per-project', active.perProject);
    }

    async function stopJob(job, button) {
        const what = job.status === 'queued' ? 'Cancel the waiting job on ' : 'Stop the job on ';
        if (!window.confirm(what + job.issueKey + '? Its conversation in OpenHands is stopped and deleted, and the issue is told.')) {
            return;
        }
        button.disabled = true;
        const answer = await call('POST', '/jobs/' + encodeURIComponent(job.id) + '/stop');
        if (!answer.ok) {
            button.disabled = false;
            say($('active-result'), answer.error, 'error');
            return;
        }
        say($('active-result'), 'Stopped the job on ' + job.issueKey + (answer.data.issueTold ? '; the issue was told.'
            : '; Jira did not take the comment, so the issue was not told.'), answer.data.issueTold ? 'ok' : 'error');
        await loadActive();
    }

    async function start() {
        const answer = await call('GET', '/limits');
        if (!answer.ok) {
            return; // not an admin, not signed in, or the integration is off: the section stays hidden
        }
        $('limits').hidden = false;
        showLimits(answer.data);
        $('limits-form').addEventListener('submit', saveLimits);
        $('refresh-active').addEventListener('click', loadActive);
        await loadActive();
    }

    document.addEventListener('DOMContentLoaded', start);
}());
