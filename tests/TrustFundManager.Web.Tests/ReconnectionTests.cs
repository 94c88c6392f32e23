using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustFundManager.Testing;

namespace TrustFundManager.Web.Tests;

/// <summary>
/// Slow or unstable links: when the connection drops, the page says so in the user's language and reconnects to the
/// same circuit when the link is back, so what the user typed is still there, and is saved.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ReconnectionTests(WebAppFixture app)
{
    [Fact]
    public async Task A_dropped_connection_reconnects_and_the_comment_typed_before_is_still_there_and_saved() =>
        await app.InPageAsync(async page =>
        {
            var ct = TestContext.Current.CancellationToken;
            using var ghana = await app.Host.CreateClientAsAsync("gov.gha");
            var body = WebAppFixture.CompleteNote("Coastal communities and climate mobility");
            body["country"] = "GHA";
            var id = (await HttpAssert.OkJsonAsync(await ghana.PostAsync("/api/concept-notes", HttpAssert.JsonBody(body.ToJsonString()), ct),
                HttpStatusCode.Created)).GetProperty("id").GetGuid();
            (await ghana.PostAsJsonAsync($"/api/concept-notes/{id}/actions/submit", new { }, ct)).EnsureSuccessStatusCode();

            var shared = ResourceTests.Read(Path.Combine(ResourceTests.WebProject, "Resources", "SharedText.fr.resx"));
            var note = ResourceTests.Read(Path.Combine(ResourceTests.WebProject, "Resources", "ConceptNoteText.fr.resx"));
            // The page's connection to the circuit goes through the test, which can cut it as a failing link would;
            // while the link is down, every new attempt is refused too.
            var linkDown = false;
            IWebSocketRoute? pageSide = null, serverSide = null;
            await page.RouteWebSocketAsync(new Regex("/_blazor"), async socket =>
            {
                if (Volatile.Read(ref linkDown))
                {
                    await socket.CloseAsync();
                    return;
                }
                (pageSide, serverSide) = (socket, socket.ConnectToServer());
            });

            await page.SignInAsync("fmu.officer", $"/concept-notes/{id}");
            var comment = page.GetByLabel(note["Note.Comment"]);
            const string typed = "Dossier complet ; l’examen commence lundi.\nDeuxième ligne.";
            await comment.FillAsync(typed);

            // The link drops while the field still has the focus: nothing typed has been sent yet.
            Volatile.Write(ref linkDown, true);
            await page.Context.SetOfflineAsync(true);
            await serverSide!.CloseAsync();
            await pageSide!.CloseAsync();
            var dialog = page.Locator("#components-reconnect-modal");
            await Assertions.Expect(dialog).ToBeVisibleAsync();
            // Reconnecting, or waiting for the next attempt: either way, in French, and the typed text is kept.
            await Assertions.Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync("Ce que vous avez saisi est conservé.");
            Assert.EndsWith("Ce que vous avez saisi est conservé.", shared["Reconnect.Rejoining"], StringComparison.Ordinal);
            await page.SaveScreenshotAsync("reconnecting-fr");

            Volatile.Write(ref linkDown, false);
            await page.Context.SetOfflineAsync(false);
            await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(comment).ToHaveValueAsync(typed);

            await page.Locator("button[data-action='startScreening']").ClickAsync();
            var step = page.GetByTestId("note-history-entry").Last;
            await Assertions.Expect(step.Locator(".timeline-comment")).ToHaveTextAsync(typed);
            await Assertions.Expect(comment).ToHaveValueAsync("");
        }, locale: "fr-FR");
}
