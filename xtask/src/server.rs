//! A small static file server for `target/dist/`, on 127.0.0.1 only, with the right MIME types
//! (`application/wasm` for `.wasm`) and a strict Content-Security-Policy, so every test proves
//! the page needs nothing from elsewhere.

use anyhow::{Context, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// What the page may load: only itself; wasm compilation is allowed, inline script is not.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
    base-uri 'none'; frame-ancestors 'self'";

pub struct Server {
    port: u16,
    thread: std::thread::JoinHandle<()>,
}

impl Server {
    /// Serve `dir` on 127.0.0.1:`port` (0 picks a free port) from a background thread.
    pub fn start(dir: PathBuf, port: u16) -> Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .with_context(|| format!("port {port} is taken; pick another with --port N"))?;
        let port = listener.local_addr()?.port();
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let dir = dir.clone();
                std::thread::spawn(move || {
                    let _ = handle(stream, &dir);
                });
            }
        });
        Ok(Server { port, thread })
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn wait(self) {
        let _ = self.thread.join();
    }
}

fn handle(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    // One write, and no Nagle delay: a head and a body in two small writes would wait for the
    // client's delayed ACK (40 ms a response), which no real static host does.
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let file = resolve(dir, path);
    let (status, body, mime) = match file.as_ref().and_then(|f| std::fs::read(f).ok().map(|b| (f, b))) {
        Some((f, body)) => ("200 OK", body, mime(f)),
        None => ("404 Not Found", b"not found".to_vec(), "text/plain; charset=utf-8"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\n\
         Content-Security-Policy: {CSP}\r\nX-Content-Type-Options: nosniff\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let mut response = head.into_bytes();
    if method != "HEAD" {
        response.extend_from_slice(&body);
    }
    stream.write_all(&response)?;
    stream.flush()
}

/// The file for a URL path inside `dir`, refusing `..`; a folder means its `index.html`.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let mut out = dir.to_path_buf();
    for part in Path::new(url_path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    Some(out)
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
