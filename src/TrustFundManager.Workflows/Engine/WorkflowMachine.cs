using Stateless;
using Stateless.Graph;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Workflows;

/// <summary>
/// A Stateless state machine configured from a definition, over a state kept elsewhere (the stored instance).
/// Built afresh for each use: it holds no state of its own.
/// </summary>
public sealed class WorkflowMachine
{
    private readonly StateMachine<string, string> _machine;

    /// <param name="guardMet">Whether a named guard holds; evaluated before the machine fires.</param>
    /// <param name="onEntry">Runs the entry effects of the state entered.</param>
    public WorkflowMachine(WorkflowDefinition definition, Func<string> readState, Action<string> writeState,
        Func<string, bool> guardMet, Func<StateDefinition, Task>? onEntry = null)
    {
        _machine = new StateMachine<string, string>(readState, writeState);
        foreach (var state in definition.States)
        {
            var configuration = _machine.Configure(state.Name);
            if (onEntry is not null && state.OnEntry.Count > 0)
                configuration.OnEntryAsync(() => onEntry(state), string.Join(", ", state.OnEntry));

            foreach (var action in definition.ActionsFrom(state.Name))
            {
                var guards = action.Guards
                    .Select(guard => new Tuple<Func<bool>, string>(() => guardMet(guard), guard)).ToArray();
                if (action.To is null)
                    configuration.InternalTransitionIf(action.Name, _ => guards.All(g => g.Item1()), () => { },
                        guards.Length == 0 ? null : string.Join(" and ", guards.Select(g => g.Item2)));
                else if (action.To == state.Name)
                    configuration.PermitReentryIf(action.Name, guards);
                else
                    configuration.PermitIf(action.Name, action.To, guards);
            }
        }
    }

    public bool CanFire(string action, out ICollection<string> unmetGuards) => _machine.CanFire(action, out unmetGuards);

    public Task FireAsync(string action) => _machine.FireAsync(action);

    /// <summary>The definition drawn as a Mermaid state diagram, as Stateless exports it.</summary>
    public static string Diagram(WorkflowDefinition definition)
    {
        var state = definition.InitialState;
        var machine = new WorkflowMachine(definition, () => state, s => state = s, _ => true,
            onEntry: _ => Task.CompletedTask);
        return MermaidGraph.Format(machine._machine.GetInfo()).ReplaceLineEndings("\n").TrimEnd();
    }
}
