// Repositories per Jira project (issue 21): the admin-only section of the settings page. It shows itself when
// /api/integrations/jira-dc/projects answers, that is for a signed-in admin; everyone else never sees it.
'use strict';

(function () {
    const PROVIDERS = ['github', 'gitlab', 'bitbucket', 'bitbucket_data_center', 'forgejo', 'azure_devops'];
    const $ = (id) => document.getElementById(id);

    /** Calls the projects API (path: what follows /projects). */
    const call = (method, path, body) => window.settingsApi.call(method, '/projects' + path, body);

    function say(text, kind) {
        const result = $('project-result');
        result.textContent = text || '';
        result.className = 'result' + (kind ? ' ' + kind : '');
        result.hidden = !text;
    }

    function cell(text) {
        const td = document.createElement('td');
        td.textContent = text;
        return td;
    }

    function named(repository, provider) {
        return provider ? repository + ' (' + provider + ')' : repository;
    }

    /** "org/repo provider" lines to the API's list; the server checks names and providers and says what is wrong. */
    function allowedFrom(text) {
        return text.split('\n').map((line) => line.trim()).filter((line) => line).map((line) => {
            const [repository, provider] = line.split(/\s+/);
            return provider ? { repository, provider } : { repository };
        });
    }

    function edit(mapping) {
        $('project-key').value = mapping.projectKey;
        $('project-default').value = mapping.defaultRepository;
        $('project-provider').value = mapping.defaultProvider || '';
        $('project-allowed').value = mapping.allowedRepositories
            .map((entry) => entry.provider ? entry.repository + ' ' + entry.provider : entry.repository).join('\n');
        say('Editing ' + mapping.projectKey + ': change it and click "Save mapping".', 'pending');
        $('project-key').focus();
    }

    function row(mapping) {
        const tr = document.createElement('tr');
        tr.dataset.project = mapping.projectKey;
        tr.append(cell(mapping.projectKey), cell(named(mapping.defaultRepository, mapping.defaultProvider)),
            cell(mapping.allowedRepositories.length === 0 ? 'Any repository'
                : mapping.allowedRepositories.map((entry) => named(entry.repository, entry.provider)).join(', ')));
        const actions = document.createElement('td');
        const editButton = document.createElement('button');
        editButton.type = 'button';
        editButton.textContent = 'Edit';
        editButton.setAttribute('aria-label', 'Edit ' + mapping.projectKey);
        editButton.addEventListener('click', () => edit(mapping));
        const deleteButton = document.createElement('button');
        deleteButton.type = 'button';
        deleteButton.className = 'danger';
        deleteButton.textContent = 'Delete';
        deleteButton.setAttribute('aria-label', 'Delete ' + mapping.projectKey);
        deleteButton.addEventListener('click', async () => {
            deleteButton.disabled = true;
            const answer = await call('DELETE', '/' + encodeURIComponent(mapping.projectKey));
            deleteButton.disabled = false;
            if (answer.ok) {
                say('Deleted: ' + mapping.projectKey + '\'s issues name their repository again.', 'ok');
                await load();
            } else {
                say(answer.error, 'error');
            }
        });
        actions.append(editButton, ' ', deleteButton);
        tr.append(actions);
        return tr;
    }

    async function load() {
        const answer = await call('GET', '');
        if (!answer.ok) {
            return false;
        }
        const body = $('project-mappings').querySelector('tbody');
        body.textContent = '';
        answer.data.forEach((mapping) => body.append(row(mapping)));
        $('project-mappings').hidden = answer.data.length === 0;
        $('no-projects').hidden = answer.data.length > 0;
        return true;
    }

    async function save(event) {
        event.preventDefault();
        const key = $('project-key').value.trim();
        const provider = $('project-provider').value;
        const mapping = { defaultRepository: $('project-default').value.trim(), allowedRepositories: allowedFrom($('project-allowed').value) };
        if (provider) {
            mapping.defaultProvider = provider;
        }
        $('save-project').disabled = true;
        say('Saving…', 'pending');
        const answer = await call('PUT', '/' + encodeURIComponent(key), mapping);
        $('save-project').disabled = false;
        if (answer.ok) {
            say('Saved: ' + answer.data.projectKey + ' applies from the next trigger, on every instance.', 'ok');
            $('project-form').reset();
            await load();
        } else {
            say(answer.error, 'error');
        }
    }

    async function start() {
        const select = $('project-provider');
        select.append(new Option('Any the person uses', ''));
        PROVIDERS.forEach((provider) => select.append(new Option(provider, provider)));
        $('project-form').addEventListener('submit', save);
        if (await load()) {
            $('projects').hidden = false;
        }
    }

    start();
}());
