namespace NotebookRunner.Execution;

/// <summary>
/// How to start nbrun again as a kernel process: through its own apphost when that is what runs,
/// otherwise through the dotnet host with nbrun.dll (as `dotnet nbrun.dll`, or inside a test host).
/// </summary>
internal static class RunnerExecutable
{
    public static (string FileName, IReadOnlyList<string> Arguments) Command(params string[] arguments)
    {
        var runnerDll = typeof(RunnerExecutable).Assembly.Location;
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process) == Path.GetFileNameWithoutExtension(runnerDll))
            return (process, arguments);
        var dotnet = process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? process
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return (dotnet, [runnerDll, .. arguments]);
    }
}
