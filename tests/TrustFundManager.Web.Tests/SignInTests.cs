using Microsoft.Playwright;

namespace TrustFundManager.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class SignInTests(WebAppFixture app)
{
    public static TheoryData<string, string, string, string?> EveryRole() => new()
    {
        { "fmu.officer", "Amina Diallo", "Fund Management Unit", null },
        { "admin", "Priya Raman", "Administrator", null },
        { "gov.mex", "Carlos Herrera", "Government focal point", "Country: MEX" },
        { "puno.iom", "Elena Petrova", "Participating UN organization", "Organization: IOM" },
        { "sc.deu", "Katrin Schulz", "Steering Committee member", "Country: DEU" },
    };

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task Each_role_signs_in_on_the_development_page_and_lands_on_its_home_with_the_inbox(
        string user, string name, string role, string? scope) => await app.InPageAsync(async page =>
    {
        await page.GotoAsync("/");
        Assert.Contains("/sign-in/development", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();

        await page.Locator($"button[data-user='{user}']").ClickAsync();
        await page.WaitForInteractiveAsync();

        Assert.Equal(app.BaseAddress.ToString(), page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Home", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 2 })).ToBeVisibleAsync();
        var header = page.GetByTestId("user-summary");
        await Assertions.Expect(header).ToContainTextAsync(name);
        await Assertions.Expect(header).ToContainTextAsync(role);
        if (scope is not null) await Assertions.Expect(header).ToContainTextAsync(scope);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })
            .GetByRole(AriaRole.Link, new() { Name = "Home" })).ToBeVisibleAsync();
    });

    [Fact]
    public async Task The_inbox_lists_what_waits_for_the_user_with_a_link_to_each_and_the_user_text_as_typed() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("fmu.officer");

            var items = page.GetByTestId("inbox-item").Filter(new() { HasText = WebAppFixture.SubmittedNoteTitle });
            await Assertions.Expect(items).ToHaveCountAsync(1);
            await Assertions.Expect(items.First).ToContainTextAsync(WebAppFixture.SubmittedNoteTitle);
            await Assertions.Expect(items.First).ToContainTextAsync("Submitted");
            var link = items.First.GetByRole(AriaRole.Link);
            // A concept note's task leads to the note's own page.
            Assert.Matches("^/concept-notes/[0-9a-f-]{36}$", await link.GetAttributeAsync("href"));

            // The government sees its own draft, its title shown exactly as typed (markup characters included).
            await page.Context.ClearCookiesAsync();
            await page.SignInAsync("gov.mex");
            await Assertions.Expect(page.GetByTestId("inbox-item")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByTestId("inbox-item").First).ToContainTextAsync(WebAppFixture.DraftNoteTitle);

            // An administrator has nothing waiting, and is told so.
            await page.Context.ClearCookiesAsync();
            await page.SignInAsync("admin");
            await Assertions.Expect(page.GetByTestId("inbox-empty")).ToHaveTextAsync("Nothing waits for you.");
        });

    [Fact]
    public async Task Sign_out_ends_the_session_and_the_next_page_asks_to_sign_in_again() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("admin");

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

            await page.WaitForURLAsync(url => url.Contains("/sign-in/development", StringComparison.Ordinal));
            await page.GotoAsync("/");
            Assert.Contains("/sign-in/development", page.Url, StringComparison.Ordinal);
        });

    [Fact]
    public async Task Keyboard_only_a_demo_user_signs_in_with_tab_and_enter_and_the_skip_link_leads_into_the_content() =>
        await app.InPageAsync(async page =>
        {
            await page.GotoAsync("/");
            // Each page starts with the focus on its title, so a screen reader announces where the user landed.
            Assert.Equal("Sign in", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
            Assert.Equal("skip-link", await page.EvaluateAsync<string>(FirstFocusableClass));

            for (var presses = 0; presses < 40; presses++)
            {
                await page.Keyboard.PressAsync("Tab");
                if (await page.EvaluateAsync<string?>("document.activeElement.dataset.user") == "gov.mex") break;
            }
            Assert.Equal("gov.mex", await page.EvaluateAsync<string?>("document.activeElement.dataset.user"));
            await page.Keyboard.PressAsync("Enter");

            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("user-summary")).ToContainTextAsync("Carlos Herrera");
            Assert.Equal("skip-link", await page.EvaluateAsync<string>(FirstFocusableClass));

            // Back to the top of the page: the skip link is the first stop, and it leads into the main content.
            await page.Keyboard.PressAsync("Shift+Tab");
            for (var presses = 0; presses < 20 && await page.EvaluateAsync<string>("document.activeElement.className") != "skip-link"; presses++)
                await page.Keyboard.PressAsync("Shift+Tab");
            Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
        });

    private const string FirstFocusableClass =
        "document.querySelector('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex=\"-1\"])').className";
}
