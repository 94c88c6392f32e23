using Microsoft.Playwright;

namespace TrustFundManager.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class WorkflowItemTests(WebAppFixture app)
{
    [Fact]
    public async Task From_the_inbox_a_government_opens_its_draft_and_submits_it_with_a_comment_kept_as_typed() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("gov.phl");
            await page.GetByRole(AriaRole.Link, new() { Name = "Complete and submit the concept note" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = WebAppFixture.PhilippinesNoteTitle, Level = 1 }))
                .ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("workflow-state")).ToHaveTextAsync("Draft");

            const string comment = "Endorsed by the minister <on Monday>.\nSecond line.";
            await page.GetByLabel("Comment").FillAsync(comment);
            await page.Locator("button[data-action='submit']").ClickAsync();

            await Assertions.Expect(page.GetByTestId("workflow-state")).ToHaveTextAsync("Submitted");
            var step = page.GetByTestId("history-entry").Last;
            await Assertions.Expect(step).ToContainTextAsync("Maria Santos");
            Assert.Equal(comment, await step.Locator("td.user-text").InnerTextAsync());
            await Assertions.Expect(page.Locator("button[data-action='submit']")).ToHaveCountAsync(0);
        });

    [Fact]
    public async Task Another_country_s_record_is_not_found_as_in_the_api() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("gov.mex");
            var link = await page.GetByTestId("inbox-item").First.GetByRole(AriaRole.Link).GetAttributeAsync("href");

            await page.Context.ClearCookiesAsync();
            await page.SignInAsync("gov.gha", link!);

            await Assertions.Expect(page.GetByTestId("workflow-not-found")).ToBeVisibleAsync();
        });
}
