// The skip link moves the keyboard focus into the main content. Blazor handles in-page links itself (it scrolls,
// but leaves the focus where it was), so the focus is moved here.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    const main = link ? document.getElementById('main') : null;
    if (main) main.focus();
});
