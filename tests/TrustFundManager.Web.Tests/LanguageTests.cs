using System.Globalization;
using Microsoft.Playwright;

namespace TrustFundManager.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class LanguageTests(WebAppFixture app)
{
    [Fact]
    public async Task The_language_picker_switches_the_pages_to_french_and_spanish_and_the_choice_is_kept() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("fmu.officer");
            var submitted = page.GetByTestId("inbox-item").Filter(new() { HasText = WebAppFixture.SubmittedNoteTitle });
            var openedOn = await submitted.Locator("time").GetAttributeAsync("datetime");
            var opened = DateTimeOffset.Parse(openedOn!, CultureInfo.InvariantCulture);

            await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
            await page.WaitForInteractiveAsync();
            Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accueil", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Boîte de réception" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("user-summary")).ToContainTextAsync("Unité de gestion du Fonds");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
            // Dates follow the language: day first, as the French write them.
            await Assertions.Expect(submitted.Locator("time"))
                .ToHaveTextAsync(opened.UtcDateTime.ToString("d", CultureInfo.GetCultureInfo("fr")));

            // The choice survives a new page load: it is kept in a cookie.
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accueil", Level = 1 })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
            await page.WaitForInteractiveAsync();
            Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inicio", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bandeja de entrada" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" })).ToBeVisibleAsync();
            // The user's own text is never translated.
            await Assertions.Expect(submitted).ToHaveCountAsync(1);
            // Workflow titles come in the user's language too.
            await Assertions.Expect(submitted).ToContainTextAsync("Iniciar el examen previo de la nota conceptual");
            await Assertions.Expect(submitted).ToContainTextAsync("Presentada");
        });

    [Fact]
    public async Task Without_a_choice_the_browser_language_decides_and_an_unsupported_one_falls_back_to_english()
    {
        await app.InPageAsync(async page =>
        {
            await page.GotoAsync("/");
            Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Iniciar sesión", Level = 1 })).ToBeVisibleAsync();
        }, locale: "es-MX");

        await app.InPageAsync(async page =>
        {
            await page.GotoAsync("/");
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        }, locale: "de-DE");
    }
}
