using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace TrustFundManager.Web.Tests;

/// <summary>Light pages for slow links: a first visit, with nothing cached, transfers under 300 KB.</summary>
[Collection(WebCollection.Name)]
public sealed class WeightTests(WebAppFixture app)
{
    private const long Budget = 300 * 1024;

    [Fact]
    public async Task A_first_load_of_the_sign_in_page_the_home_page_and_a_workflow_diagram_transfers_under_300_KB_compressed()
    {
        var browser = app.RequireBrowser();
        string? storage = null;
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("fmu.officer");
            storage = await page.Context.StorageStateAsync();
        });

        var signIn = await FirstLoadAsync(browser, "/sign-in/development", storageState: null);
        var home = await FirstLoadAsync(browser, "/", storage);
        var diagram = await FirstLoadAsync(browser, "/workflows/concept-note", storage);

        var measured = $"First load, nothing cached: sign-in page {signIn / 1024.0:F0} KB, home page {home / 1024.0:F0} KB, " +
                       $"concept note workflow diagram {diagram / 1024.0:F0} KB";
        TestContext.Current.TestOutputHelper?.WriteLine(measured);
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults"));
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestResults", "page-weight.txt"), measured + "\n",
            TestContext.Current.CancellationToken);
        Assert.True(signIn < Budget, $"The sign-in page transferred {signIn / 1024} KB");
        Assert.True(home < Budget, $"The home page transferred {home / 1024} KB");
        Assert.True(diagram < Budget, $"The workflow diagram page transferred {diagram / 1024} KB");
    }

    /// <summary>The bytes a fresh browser context (empty cache) receives to show <paramref name="path"/>, ready to use.</summary>
    private async Task<long> FirstLoadAsync(IBrowser browser, string path, string? storageState)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            StorageState = storageState,
        });
        var page = await context.NewPageAsync();
        var finished = new ConcurrentBag<IRequest>();
        page.RequestFinished += (_, request) => finished.Add(request);

        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        if (storageState is not null) await page.WaitForInteractiveAsync();

        long total = 0;
        foreach (var request in finished)
        {
            var sizes = await request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }
        return total;
    }
}
