// The settings page's one way to call the service's JSON API, shared by the scripts of its sections.
'use strict';

window.settingsApi = Object.freeze({
    /**
     * Calls the API under /api/integrations/jira-dc (path: what follows it); resolves to {ok, status, data, error}
     * and never throws: error is the service's own words, or says what went wrong on the way.
     */
    async call(method, path, body) {
        const options = { method, credentials: 'same-origin', headers: { 'Accept': 'application/json', 'X-Requested-With': 'fetch' } };
        if (body !== undefined) {
            options.headers['Content-Type'] = 'application/json';
            options.body = JSON.stringify(body);
        }
        let response;
        try {
            response = await fetch('/api/integrations/jira-dc' + path, options);
        } catch (e) {
            return { ok: false, status: 0, data: null, error: 'The server did not answer. Check your connection and try again.' };
        }
        let data = null;
        try {
            data = await response.json();
        } catch (e) {
            data = null;
        }
        let error = null;
        if (!response.ok) {
            error = (data && data.error) || ('The server answered ' + response.status + ' ' + response.statusText + '.');
            if (response.status === 401) {
                error = 'You are not signed in (any more). Sign in again at /sign-in.';
            }
        }
        return { ok: response.ok, status: response.status, data, error };
    }
});
