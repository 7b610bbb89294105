using System.Diagnostics;
using System.IO.Pipes;
using NotebookRunner.Hosting;
using NotebookRunner.Protocol;

namespace NotebookRunner.Execution;

/// <summary>
/// One notebook's kernel, in a child process started in the notebook's folder (as VS Code starts
/// the kernel there, so relative #r paths and data files mean that folder). A cell that brings the
/// process down (a native abort, a segfault, Environment.FailFast) ends only this process: the
/// runner reports it as that cell's error and goes on with the next notebook.
/// </summary>
internal sealed class KernelProcess : IAsyncDisposable
{
    // Pipe ends are inheritable while a process starts; starting one at a time keeps each kernel's
    // ends out of the others, or a dead kernel's pipe would stay open in its sibling.
    private static readonly object StartGate = new();
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    private readonly Process process;
    private readonly AnonymousPipeServerStream submissionsPipe = new(PipeDirection.Out, HandleInheritability.Inheritable);
    private readonly AnonymousPipeServerStream messagesPipe = new(PipeDirection.In, HandleInheritability.Inheritable);
    private readonly StreamWriter submissions;
    private readonly StreamReader messages;
    private readonly PrintedLines printed = new(keepFirst: 12, keepLast: 12);

    private KernelProcess(string workingDirectory, Action<string> onOutput)
    {
        var (fileName, arguments) = RunnerExecutable.Command(
            KernelHost.Command, submissionsPipe.GetClientHandleAsString(), messagesPipe.GetClientHandleAsString());
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        lock (StartGate)
        {
            try
            {
                process = Process.Start(start) ?? throw new KernelStartException($"could not start {fileName}");
            }
            catch (System.ComponentModel.Win32Exception error)
            {
                throw new KernelStartException($"could not start the kernel process {fileName} {string.Join(' ', arguments)}: {error.Message}");
            }
            submissionsPipe.DisposeLocalCopyOfClientHandle();
            messagesPipe.DisposeLocalCopyOfClientHandle();
        }
        // Nobody can type into a headless run: a cell reading the console gets the end of its input.
        process.StandardInput.Close();
        DataReceivedEventHandler received = (_, e) =>
        {
            if (e.Data is null)
                return;
            printed.Add(e.Data);
            onOutput(e.Data);
        };
        process.OutputDataReceived += received;
        process.ErrorDataReceived += received;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        submissions = new StreamWriter(submissionsPipe) { AutoFlush = true };
        messages = new StreamReader(messagesPipe);
    }

    /// <summary>The kernel names and aliases cells can be sent to.</summary>
    public IReadOnlySet<string> Kernels { get; private set; } = new HashSet<string>();

    /// <summary>Starts the kernel and waits until it is ready for cells.</summary>
    /// <param name="onOutput">Hears each line the process prints itself, outside any cell's outputs.</param>
    public static async Task<KernelProcess> StartAsync(string workingDirectory, Action<string> onOutput, CancellationToken cancellation)
    {
        var kernel = new KernelProcess(workingDirectory, onOutput);
        try
        {
            var ready = await kernel.messages.ReadLineAsync(cancellation);
            if (ready is null)
                throw new KernelStartException($"the kernel process could not start: {await kernel.DescribeEndAsync()}");
            kernel.Kernels = JsonLine.Parse<KernelMessage>(ready).Kernels?.ToHashSet(StringComparer.Ordinal) ?? [];
            return kernel;
        }
        catch
        {
            await kernel.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs one cell, handing each output message to <paramref name="onMessage"/> as it comes;
    /// returns the kernel's error message when the cell failed, null when it succeeded.
    /// </summary>
    /// <exception cref="KernelDiedException">The process ended before the cell finished.</exception>
    public async Task<string?> SubmitAsync(CellSubmission submission, Action<KernelMessage> onMessage, CancellationToken cancellation)
    {
        printed.Clear();
        try
        {
            await submissions.WriteLineAsync(JsonLine.Serialize(submission).AsMemory(), cancellation);
        }
        catch (IOException)
        {
            throw new KernelDiedException($"the kernel process died: {await DescribeEndAsync()}");
        }
        string? failure = null;
        while (true)
        {
            var line = await messages.ReadLineAsync(cancellation)
                ?? throw new KernelDiedException($"the kernel process died: {await DescribeEndAsync()}");
            var message = JsonLine.Parse<KernelMessage>(line);
            switch (message.Kind)
            {
                case KernelMessage.Done:
                    return failure;
                case KernelMessage.Failed:
                    failure = message.Text ?? "the kernel reported a failure without a message";
                    break;
                default:
                    onMessage(message);
                    break;
            }
        }
    }

    /// <summary>How the process ended, with what it printed meanwhile (the runtime's abort message, a native library's).</summary>
    private async Task<string> DescribeEndAsync()
    {
        using var timeout = new CancellationTokenSource(ExitGrace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return $"it closed its message pipe and was still running after {ExitGrace.TotalSeconds:0} s, so it was killed";
        }
        process.WaitForExit(); // lets the last printed lines arrive
        var text = printed.Text;
        return ExitStatus.Describe(process.ExitCode) + (text.Length > 0 ? $"; it printed:\n{text}" : "");
    }

    /// <summary>Closes the kernel's submissions pipe, which ends it; kills it if it does not go within a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        submissions.Dispose();
        if (!process.HasExited)
        {
            using var timeout = new CancellationTokenSource(ExitGrace);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        messages.Dispose();
        process.Dispose();
    }
}

/// <summary>The kernel process ended while a cell ran; the message says how.</summary>
internal sealed class KernelDiedException(string message) : Exception(message);

/// <summary>The kernel process could not be started or ended before it was ready.</summary>
internal sealed class KernelStartException(string message) : Exception(message);
