// The browser's time zone (IANA id), for deadlines shown in the user's own time (Common/TimeZones.cs).
window.trustFund = window.trustFund || {};
window.trustFund.timeZone = () => {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
    } catch {
        return null;
    }
};

// The skip link moves the keyboard focus into the main content. Blazor handles in-page links itself (it scrolls,
// but leaves the focus where it was), so the focus is moved here.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    const main = link ? document.getElementById('main') : null;
    if (main) main.focus();
});

// The reconnection dialog (Layout/ReconnectModal.razor): Blazor tells it the state of the connection; it stays open
// (the page behind it inert, so nothing is clicked into a dead connection) until the circuit is back. The circuit, with
// what the user typed, is kept on the server meanwhile.
(() => {
    const dialog = document.getElementById('components-reconnect-modal');
    if (!dialog) return;

    // What the user typed last may never have reached the server: a field sends its value when it loses the focus,
    // and it loses it when this dialog opens, over a connection already down (or dying unnoticed). Blazor does not
    // send such events again, so once the circuit is back every field the user changed sends its value again: the
    // same value the server has changes nothing; one it missed arrives before the user saves.
    const touched = new Set();
    const remember = event => {
        const field = event.target;
        if ((field instanceof HTMLInputElement && field.type !== 'file') || field instanceof HTMLTextAreaElement
            || field instanceof HTMLSelectElement) touched.add(field);
    };
    document.addEventListener('input', remember, true);
    document.addEventListener('change', remember, true);

    function resendTouchedFields() {
        for (const field of [...touched]) {
            if (!field.isConnected) {
                touched.delete(field);
                continue;
            }
            field.dispatchEvent(new Event('input', { bubbles: true }));
            field.dispatchEvent(new Event('change', { bubbles: true }));
        }
    }

    const retryWhenVisible = () => {
        if (document.visibilityState === 'visible') retry();
    };

    async function retry() {
        document.removeEventListener('visibilitychange', retryWhenVisible);
        try {
            // true: back on the same circuit; false: the server no longer has it (restarted, or kept too long).
            if (!await Blazor.reconnect()) {
                if (await Blazor.resumeCircuit()) {
                    dialog.close();
                    resendTouchedFields();
                }
                else location.reload();
            }
        } catch {
            // The server is still out of reach: try again when the user comes back to the tab.
            document.addEventListener('visibilitychange', retryWhenVisible);
        }
    }

    async function resume() {
        try {
            if (!await Blazor.resumeCircuit()) location.reload();
        } catch {
            location.reload();
        }
    }

    dialog.addEventListener('components-reconnect-state-changed', event => {
        const state = event.detail.state;
        if (state === 'show' && !dialog.open) dialog.showModal();
        else if (state === 'hide') {
            if (dialog.open) dialog.close();
            setTimeout(resendTouchedFields, 0);
        }
        else if (state === 'failed') document.addEventListener('visibilitychange', retryWhenVisible);
        else if (state === 'rejected') location.reload();
    });
    // Escape would hide the dialog over a page that cannot act.
    dialog.addEventListener('cancel', event => event.preventDefault());
    document.getElementById('components-reconnect-button')?.addEventListener('click', retry);
    document.getElementById('components-resume-button')?.addEventListener('click', resume);
    document.getElementById('components-reload-button')?.addEventListener('click', () => location.reload());
})();
