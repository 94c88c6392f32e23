using Microsoft.Extensions.Localization;
using TrustFundManager.Web.Resources;

namespace TrustFundManager.Web.Workflow;

/// <summary>
/// The titles of workflows and of their states, actions and tasks in the user's language. The definitions carry them in English;
/// <see cref="WorkflowTitleText"/> holds them keyed by workflow id and name (<c>concept-note.Title</c>, <c>concept-note.State.draft</c>,
/// <c>concept-note.Action.submit</c>, <c>concept-note.Task.draft</c>, the task by the state that opens it). A name the
/// resources do not know (a state a new definition adds) shows the definition's own title.
/// </summary>
public sealed class WorkflowTitles(IStringLocalizer<WorkflowTitleText> text)
{
    public string Workflow(string workflow, string title) => Find(WorkflowKey(workflow), title);

    public string State(string workflow, string state, string title) => Find(StateKey(workflow, state), title);

    public string Action(string workflow, string action, string title) => Find(ActionKey(workflow, action), title);

    public string Task(string workflow, string state, string title) => Find(TaskKey(workflow, state), title);

    public static string WorkflowKey(string workflow) => $"{workflow}.Title";

    public static string StateKey(string workflow, string state) => $"{workflow}.State.{state}";

    public static string ActionKey(string workflow, string action) => $"{workflow}.Action.{action}";

    public static string TaskKey(string workflow, string state) => $"{workflow}.Task.{state}";

    private string Find(string key, string title)
    {
        var found = text[key];
        return found.ResourceNotFound ? title : found.Value;
    }
}
