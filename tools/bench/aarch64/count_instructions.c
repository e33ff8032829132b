/* Attune's instruction counter for qemu-aarch64 user mode (a TCG plugin for qemu 7.2's plugin API).
 *
 * Counts the guest instructions executed between two markers the guest sends: close(-1000001) opens a
 * window and close(-1000002) closes it (aarch64 syscall 57, `close`, with a descriptor no process can
 * own, so the marker has no other effect). Each closed window prints one line to qemu's plugin log:
 *
 *     attune-count window N: instructions=I
 *
 * so a benchmark counts exactly its region of interest (one sentence's embedding, not the model load or
 * an interpreter's start-up). Instructions are counted per translation block with an inline add of the
 * block's length, executed by the generated code itself (no callback per block), which is exact for
 * every block that runs to its end; user-mode code leaves a block early only at a fault or a signal,
 * neither of which happens inside a window.
 *
 * With the argument blocks=FILE, each closed window N also writes FILE.N: one line per translation block
 * executed in it, "address instructions executions" in hex and decimal, for attributing the count to
 * functions (tools/bench/aarch64/profile.py).
 *
 * Built by tools/bench/aarch64/setup.sh against qemu-plugin.h of the installed qemu-user's source.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

enum { close_syscall = 57 };
static const int64_t window_opens = -1000001, window_closes = -1000002;

/* Summed by every vCPU's generated code; the counted programs run their windows on one thread. */
static uint64_t executed;
static uint64_t window_start;
static unsigned windows;

/* With blocks=FILE: every translated block, with its own execution counter. */
struct block { uint64_t address, executions; size_t instructions; struct block *next; };
static const char *blocks_file;
static struct block *blocks;
static pthread_mutex_t blocks_lock = PTHREAD_MUTEX_INITIALIZER;

static void translated(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &executed, qemu_plugin_tb_n_insns(tb));
    if (!blocks_file) return;
    struct block *b = calloc(1, sizeof *b);
    if (!b) return;
    b->address = qemu_plugin_tb_vaddr(tb);
    b->instructions = qemu_plugin_tb_n_insns(tb);
    pthread_mutex_lock(&blocks_lock);
    b->next = blocks;
    blocks = b;
    pthread_mutex_unlock(&blocks_lock);
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &b->executions, 1);
}

static void write_blocks(unsigned window)
{
    char path[1024];
    snprintf(path, sizeof path, "%s.%u", blocks_file, window);
    FILE *out = fopen(path, "w");
    if (!out) return;
    pthread_mutex_lock(&blocks_lock);
    for (struct block *b = blocks; b; b = b->next)
        if (b->executions) fprintf(out, "%" PRIx64 " %zu %" PRIu64 "\n", b->address, b->instructions, b->executions);
    pthread_mutex_unlock(&blocks_lock);
    fclose(out);
}

static void reset_blocks(void)
{
    pthread_mutex_lock(&blocks_lock);
    for (struct block *b = blocks; b; b = b->next) b->executions = 0;
    pthread_mutex_unlock(&blocks_lock);
}

static void system_call(qemu_plugin_id_t id, unsigned int vcpu, int64_t number, uint64_t a1, uint64_t a2,
                        uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8)
{
    (void)id; (void)vcpu; (void)a2; (void)a3; (void)a4; (void)a5; (void)a6; (void)a7; (void)a8;
    if (number != close_syscall) return;
    if ((int64_t)a1 == window_opens) {
        if (blocks_file) reset_blocks();
        window_start = executed;
    } else if ((int64_t)a1 == window_closes) {
        char line[96];
        windows += 1;
        snprintf(line, sizeof line, "attune-count window %u: instructions=%" PRIu64 "\n", windows, executed - window_start);
        qemu_plugin_outs(line);
        if (blocks_file) write_blocks(windows);
    }
}

static void finished(qemu_plugin_id_t id, void *data)
{
    (void)id; (void)data;
    char line[96];
    snprintf(line, sizeof line, "attune-count total: instructions=%" PRIu64 "\n", executed);
    qemu_plugin_outs(line);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int index = 0; index < argc; index++)
        if (!strncmp(argv[index], "blocks=", 7)) blocks_file = argv[index] + 7;
    qemu_plugin_register_vcpu_tb_trans_cb(id, translated);
    qemu_plugin_register_vcpu_syscall_cb(id, system_call);
    qemu_plugin_register_atexit_cb(id, finished, NULL);
    return 0;
}
