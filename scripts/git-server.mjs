// A loopback git server for the history-branch tests and the bench: git's own smart-HTTP server
// (`git http-backend`, the CGI that ships with git) behind a small node:http server that checks the
// token the way GitHub does: HTTP Basic auth as `x-access-token:<token>`, 401 with a Basic challenge
// without it or with a token it does not know, and 403 for a push (receive-pack) with a read-only
// token. Repositories live under a temporary folder as `<owner>/<repo>.git`, bare.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * @typedef {object} GitRequest
 * @property {string} method
 * @property {string} path
 * @property {string} service upload-pack (a read) or receive-pack (a write)
 * @property {'rw' | 'ro' | 'bad' | 'none'} auth
 * @property {number} status
 */

/**
 * @param {object} [options]
 * @param {string} [options.token] the token that may read and write
 * @param {string} [options.readOnlyToken] the token that may only read
 * @param {(request: GitRequest) => void | 'drop' | Promise<void | 'drop'>} [options.onRequest] called
 *   before each authorised request is handed to git (a test can sample the process list, hold a push,
 *   or move the branch under a run); 'drop' ends the connection with no answer
 */
export async function startGitServer({
  token = 'ghs_loopbackReadWriteToken0001',
  readOnlyToken = 'ghs_loopbackReadOnlyToken0002',
  onRequest
} = {}) {
  const root = mkdtempSync(join(tmpdir(), 'git-server-'))
  /** @type {GitRequest[]} */
  const requests = []
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://loopback')
    const service =
      url.searchParams.get('service')?.replace(/^git-/, '') ??
      (url.pathname.endsWith('/git-receive-pack') ? 'receive-pack' : 'upload-pack')
    const auth = authOf(req.headers.authorization, token, readOnlyToken)
    /** @type {GitRequest} */
    const seen = { method: req.method ?? 'GET', path: url.pathname, service, auth, status: 0 }
    requests.push(seen)
    if (auth === 'none' || auth === 'bad') {
      seen.status = 401
      res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"', 'content-type': 'text/plain' })
      res.end(auth === 'bad' ? 'Invalid username or token.\n' : 'Authentication required\n')
      req.resume()
      return
    }
    if (service === 'receive-pack' && auth === 'ro') {
      seen.status = 403
      res.writeHead(403, { 'content-type': 'text/plain' })
      res.end('Permission to the repository denied to github-actions[bot].\n')
      req.resume()
      return
    }
    if (onRequest && (await onRequest(seen)) === 'drop') {
      seen.status = -1
      req.socket.destroy()
      return
    }
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '',
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: 'x-access-token',
        REMOTE_ADDR: '127.0.0.1'
      },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    req.pipe(cgi.stdin)
    cgi.stdin.on('error', () => {})
    let head = Buffer.alloc(0)
    let headersSent = false
    cgi.stdout.on('data', chunk => {
      if (headersSent) return void res.write(chunk)
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      const lines = head.subarray(0, end).toString('latin1').split('\r\n')
      /** @type {Record<string, string>} */
      const headers = {}
      let status = 200
      for (const line of lines) {
        const at = line.indexOf(':')
        const name = line.slice(0, at).trim().toLowerCase()
        const value = line.slice(at + 1).trim()
        if (name === 'status') status = Number(value.split(' ')[0])
        else headers[name] = value
      }
      seen.status = status
      res.writeHead(status, headers)
      headersSent = true
      res.write(head.subarray(end + 4))
    })
    cgi.stderr.resume()
    cgi.on('close', () => {
      if (!headersSent) {
        seen.status = 500
        res.writeHead(500)
      }
      res.end()
    })
    res.on('close', () => {
      if (cgi.exitCode === null) cgi.kill()
    })
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    root,
    token,
    readOnlyToken,
    requests,
    /** Makes an empty bare repository `owner/name`; returns its folder. */
    createRepo(name = 'owner/repo') {
      const dir = join(root, `${name}.git`)
      mkdirSync(dir, { recursive: true })
      git(dir, ['init', '--quiet', '--bare'])
      return dir
    },
    /** Runs git in a repository of this server, for a test to look at what the branch holds. */
    git(name, args, input) {
      return git(join(root, `${name}.git`), args, input)
    },
    /**
     * Points `branch` of repository `name` at a new commit with no parent holding `files` (name to
     * text), as another run's push would; returns the commit.
     */
    writeBranch(name, branch, files) {
      const run = (args, input) => git(join(root, `${name}.git`), args, input).trim()
      const entries = Object.entries(files)
        .map(([file, text]) => `100644 blob ${run(['hash-object', '-w', '--stdin'], text)}\t${file}\n`)
        .join('')
      const commit = run(['commit-tree', run(['mktree'], entries), '-m', 'another run'])
      run(['update-ref', `refs/heads/${branch}`, commit])
      return commit
    },
    close() {
      server.closeAllConnections()
      return new Promise(resolve =>
        server.close(() => {
          rmSync(root, { recursive: true, force: true })
          resolve(undefined)
        })
      )
    }
  }
}

function authOf(header, token, readOnlyToken) {
  const match = /^basic\s+(\S+)$/i.exec(header ?? '')
  if (!match) return 'none'
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  if (decoded === `x-access-token:${token}`) return 'rw'
  if (decoded === `x-access-token:${readOnlyToken}`) return 'ro'
  return 'bad'
}

function git(dir, args, input) {
  const result = spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    input,
    env: {
      ...process.env,
      GIT_DIR: dir,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com'
    }
  })
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}
