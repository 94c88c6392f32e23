using System.Text.RegularExpressions;

namespace TrustFundManager.Workflows.Definitions;

/// <summary>Checks definitions against each other and against the names the application knows.</summary>
public static partial class WorkflowDefinitionValidator
{
    public static IReadOnlyList<WorkflowProblem> Validate(IReadOnlyList<WorkflowFile> files, WorkflowVocabulary vocabulary)
    {
        var problems = new List<WorkflowProblem>();
        foreach (var file in files) problems.AddRange(Validate(file, vocabulary));

        foreach (var duplicate in files.GroupBy(f => (f.Definition.Id, f.Definition.Version)).Where(g => g.Count() > 1))
        {
            var names = string.Join(", ", duplicate.Select(f => f.FileName).Order(StringComparer.Ordinal));
            problems.Add(new WorkflowProblem(duplicate.Select(f => f.FileName).Order(StringComparer.Ordinal).Last(),
                $"duplicate id and version: {names} all define '{duplicate.Key.Id}' version {duplicate.Key.Version}."));
        }

        problems.AddRange(BrokenContracts(files, vocabulary.KnownContracts));
        return problems;
    }

    /// <summary>Every version of a workflow the code relies on has each state and action the code names.</summary>
    private static IEnumerable<WorkflowProblem> BrokenContracts(IReadOnlyList<WorkflowFile> files,
        IReadOnlyList<WorkflowContract> contracts)
    {
        foreach (var contract in contracts)
        {
            var versions = files.Where(f => f.Definition.Id == contract.WorkflowId).ToList();
            if (versions.Count == 0)
            {
                yield return new WorkflowProblem($"{contract.WorkflowId}.v1.json",
                    $"no version of workflow '{contract.WorkflowId}' was found, and {contract.ReliedOnBy} relies on it.");
                continue;
            }

            foreach (var file in versions)
            {
                var states = file.Definition.States.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
                var actions = file.Definition.Actions.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var state in contract.States.Where(s => !states.Contains(s)))
                    yield return new WorkflowProblem(file.FileName,
                        $"state '{state}' is missing, and {contract.ReliedOnBy} relies on it by name.");
                foreach (var action in contract.Actions.Where(a => !actions.Contains(a)))
                    yield return new WorkflowProblem(file.FileName,
                        $"action '{action}' is missing, and {contract.ReliedOnBy} relies on it by name.");
            }
        }
    }

    private static IEnumerable<WorkflowProblem> Validate(WorkflowFile file, WorkflowVocabulary vocabulary)
    {
        var d = file.Definition;
        var problems = new List<string>();

        if (!IdPattern().IsMatch(d.Id))
            problems.Add($"id '{d.Id}' must be lower-case words joined by hyphens, such as 'concept-note'.");
        if (d.Version < 1) problems.Add($"version {d.Version} must be 1 or more.");
        var expectedFileName = $"{d.Id}.v{d.Version}.json";
        if (!string.Equals(file.FileName, expectedFileName, StringComparison.Ordinal))
            problems.Add($"the file must be named '{expectedFileName}' after its id and version.");
        if (string.IsNullOrWhiteSpace(d.Title)) problems.Add("title is empty.");

        problems.AddRange(Duplicates(d.States.Select(s => s.Name), "state"));
        problems.AddRange(Duplicates(d.Actions.Select(a => a.Name), "action"));

        var states = d.States.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var actions = d.Actions.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

        if (!states.Contains(d.InitialState)) problems.Add($"initialState names unknown state '{d.InitialState}'.");

        foreach (var state in d.States) problems.AddRange(StateProblems(d, state, actions, vocabulary));
        foreach (var action in d.Actions) problems.AddRange(ActionProblems(action, states, vocabulary));

        // With a misnamed state, reachability would only repeat that problem in other words.
        var namesKnownStates = states.Contains(d.InitialState)
                               && d.Actions.All(a => (a.To is null || states.Contains(a.To)) && a.From.All(states.Contains));
        if (namesKnownStates)
            foreach (var unreachable in d.States.Select(s => s.Name).Except(Reachable(d)))
                problems.Add($"state '{unreachable}' is unreachable: no action leads to it from '{d.InitialState}'.");

        return problems.Select(message => new WorkflowProblem(file.FileName, message));
    }

    private static IEnumerable<string> StateProblems(WorkflowDefinition d, StateDefinition state,
        IReadOnlySet<string> actions, WorkflowVocabulary vocabulary)
    {
        var where = $"state '{state.Name}'";
        if (!NamePattern().IsMatch(state.Name)) yield return $"{where}: names are camelCase letters and digits.";
        if (string.IsNullOrWhiteSpace(state.Title)) yield return $"{where}: title is empty.";

        foreach (var role in state.VisibleTo.Where(r => !vocabulary.Roles.Contains(r)))
            yield return $"{where}: visibleTo names unknown role '{role}'.";
        foreach (var effect in state.OnEntry.Where(e => !vocabulary.Effects.Contains(e)))
            yield return $"{where}: onEntry names unknown effect '{effect}'.";

        var leaving = d.ActionsFrom(state.Name).ToList();
        if (state.Terminal)
        {
            foreach (var action in leaving)
                yield return $"{where} is terminal but action '{action.Name}' goes out of it.";
            if (state.Task is not null) yield return $"{where} is terminal but has a task.";
            if (state.Timers.Count > 0) yield return $"{where} is terminal but starts timers.";
        }
        else if (leaving.Count == 0)
        {
            yield return $"{where} is not terminal but no action leaves it.";
        }

        if (state.Task is { } task)
        {
            if (string.IsNullOrWhiteSpace(task.Title)) yield return $"{where}: the task's title is empty.";
            if (task.Roles.Count == 0) yield return $"{where}: the task names no role.";
            if (task.Assignees is not null && !vocabulary.KnownAssignees.Contains(task.Assignees))
                yield return $"{where}: the task names unknown assignees '{task.Assignees}' (known: {Known(vocabulary.KnownAssignees)}).";
            foreach (var role in task.Roles)
            {
                if (!vocabulary.Roles.Contains(role))
                    yield return $"{where}: task names unknown role '{role}'.";
                // An assigned task is each person's own part (a vote), done outside the actions and closed by the engine.
                else if (task.Assignees is null && !leaving.Any(a => a.Roles.Contains(role)))
                    yield return $"{where}: the task is for '{role}', who may fire no action in this state.";
            }
        }

        foreach (var timer in state.Timers)
        {
            if (new[] { timer.After, timer.AfterSetting, timer.At }.Count(v => v is not null) != 1)
                yield return $"{where}: a timer needs exactly one of 'after' (an ISO 8601 duration), 'afterSetting' or 'at'.";
            else if (timer.At is not null && !vocabulary.KnownDeadlines.Contains(timer.At))
                yield return $"{where}: timer names unknown deadline '{timer.At}' (known: {Known(vocabulary.KnownDeadlines)}).";
            else if (timer.After is not null && !IsoDuration.TryParse(timer.After, out _))
                yield return $"{where}: timer duration '{timer.After}' is not a positive ISO 8601 duration in weeks, days, hours, minutes or seconds.";
            else if (timer.AfterSetting is not null && !vocabulary.DurationSettings.Contains(timer.AfterSetting))
                yield return $"{where}: timer names unknown setting '{timer.AfterSetting}' (known: {Known(vocabulary.DurationSettings)}).";

            if (!actions.Contains(timer.Fire))
                yield return $"{where}: timer fires unknown action '{timer.Fire}'.";
            else if (d.FindAction(timer.Fire) is { } fired && !fired.From.Contains(state.Name))
                yield return $"{where}: timer fires action '{timer.Fire}', which cannot be fired from this state.";
            else if (d.FindAction(timer.Fire) is { } system && !system.Roles.Contains(WorkflowRoles.System))
                yield return $"{where}: timer fires action '{timer.Fire}', whose roles do not include '{WorkflowRoles.System}'.";
        }
    }

    private static IEnumerable<string> ActionProblems(ActionDefinition action,
        IReadOnlySet<string> states, WorkflowVocabulary vocabulary)
    {
        var where = $"action '{action.Name}'";
        if (!NamePattern().IsMatch(action.Name)) yield return $"{where}: names are camelCase letters and digits.";
        if (action.Name == Instances.WorkflowJournalEntry.StartAction)
            yield return $"{where}: '{action.Name}' is reserved for the journal's first entry.";
        if (string.IsNullOrWhiteSpace(action.Title)) yield return $"{where}: title is empty.";
        if (action.From.Count == 0) yield return $"{where}: 'from' names no state.";
        foreach (var from in action.From.Where(s => !states.Contains(s)))
            yield return $"{where}: 'from' names unknown state '{from}'.";
        if (action.To is not null && !states.Contains(action.To))
            yield return $"{where}: 'to' names unknown state '{action.To}'.";
        if (action.Roles.Count == 0) yield return $"{where} names no role that may fire it.";
        foreach (var role in action.Roles.Where(r => !vocabulary.Roles.Contains(r)))
            yield return $"{where} names unknown role '{role}' (known: {Known(vocabulary.Roles)}).";
        foreach (var guard in action.Guards.Where(g => !vocabulary.Guards.Contains(g)))
            yield return $"{where} names unknown guard '{guard}' (known: {Known(vocabulary.Guards)}).";
        foreach (var duplicate in Duplicates(action.From, $"{where}: 'from' state")) yield return duplicate;
    }

    private static HashSet<string> Reachable(WorkflowDefinition d)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { d.InitialState };
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var state))
            foreach (var action in d.ActionsFrom(state))
                if (action.To is { } to && reached.Add(to))
                    queue.Enqueue(to);
        return reached;
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> names, string what) =>
        names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{what} '{g.Key}' is defined {g.Count()} times.");

    private static string Known(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex NamePattern();
}
