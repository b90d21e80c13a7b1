"""A small OpenAI-compatible server over real HTTP, for tests: /v1/models, /v1/embeddings and
/v1/chat/completions (JSON and SSE streaming; structured output as json_schema response_format or tool calls).

Chat answers come from per-schema responders (``fake.answer("Judgement", fn)``: ``fn(request_body)`` returns
the object the model "writes"); faults are scripted per test (``fake.fail("429", times=2)`` or
``fake.fail("500")`` for every call). Error bodies echo the caller's bearer token, as some real servers echo a
part of a bad key, so tests can check that sourcecheck never repeats it.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DIM = 16
CHAT_MODEL = "fake-chat"
FAULTS = ("429", "500", "hang", "malformed", "malformed_body", "truncated", "refusal", "404", "401")


def fake_vector(text: str) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    return [b / 255 for b in digest[:DIM]]


def schema_name(body: dict) -> str | None:
    """Which structured output the request asks for: the json_schema name or the forced tool's name."""
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        return fmt["json_schema"]["name"]
    tools = body.get("tools") or []
    return tools[0]["function"]["name"] if tools else None


def user_text(body: dict) -> str:
    return "\n".join(str(m.get("content")) for m in body["messages"] if m["role"] == "user")


class FakeOpenAI:
    def __init__(self, *, retry_after: str = "0", hang_s: float = 3.0):
        self.requests: list[dict] = []
        self.responders: dict[str, Callable[[dict], Any]] = {}
        self.faults: deque[str] = deque()
        self.always: str | None = None
        self.retry_after, self.hang_s = retry_after, hang_s
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def _send(self, status: int, body: dict | bytes, headers: dict | None = None):
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path.endswith("/models"):
                    data = [{"id": m, "object": "model"} for m in ("fake-embed", CHAT_MODEL)]
                    return self._send(200, {"object": "list", "data": data})
                return self._send(404, {"error": {"message": "not found"}})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                auth = self.headers.get("Authorization")
                outer.requests.append({"path": self.path, "body": body, "auth": auth})
                if self.path.endswith("/embeddings"):
                    inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
                    data = [
                        {"object": "embedding", "index": i, "embedding": fake_vector(t)}
                        for i, t in enumerate(inputs)
                    ]
                    usage = {"prompt_tokens": 1, "total_tokens": 1}
                    return self._send(
                        200, {"object": "list", "data": data, "model": body["model"], "usage": usage}
                    )
                if self.path.endswith("/chat/completions"):
                    return outer._chat(self, body, auth or "")
                return self._send(404, {"error": {"message": "not found"}})

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):  # a client that gave up on a hang: expected
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # --- scripting ---------------------------------------------------------------------------------------

    def answer(self, schema: str, responder: Callable[[dict], Any]) -> None:
        """What the model answers to requests for structured output ``schema`` (a pydantic class name)."""
        self.responders[schema] = responder

    def fail(self, fault: str, times: int | None = None) -> None:
        """The next ``times`` chat requests fail with ``fault``; ``times=None``: every request from now on."""
        assert fault in FAULTS, fault
        if times is None:
            self.always = fault
        else:
            self.faults.extend([fault] * times)

    def chat_requests(self, schema: str | None = None) -> list[dict]:
        return [
            r["body"]
            for r in self.requests
            if r["path"].endswith("/chat/completions")
            and (schema is None or schema_name(r["body"]) == schema)
        ]

    # --- chat --------------------------------------------------------------------------------------------

    def _next_fault(self) -> str | None:
        with self._lock:
            return self.faults.popleft() if self.faults else self.always

    def _chat(self, handler, body: dict, auth: str) -> None:
        echo = f"request with {auth} failed"  # what a careless server says
        fault = self._next_fault()
        if body.get("model") != CHAT_MODEL or fault == "404":
            msg = f"The model `{body.get('model')}` does not exist ({echo})"
            return handler._send(404, {"error": {"message": msg, "code": "model_not_found"}})
        if fault == "401":
            return handler._send(401, {"error": {"message": f"Incorrect API key: {echo}"}})
        if fault == "429":
            headers = {"Retry-After": self.retry_after}
            return handler._send(429, {"error": {"message": f"Rate limited: {echo}"}}, headers)
        if fault == "500":
            return handler._send(500, {"error": {"message": f"Internal error: {echo}"}})
        if fault == "hang":
            time.sleep(self.hang_s)
        if fault == "malformed_body":
            return handler._send(200, b'{"id": "x", "choices": [{"message": ')
        name = schema_name(body)
        content, finish, refusal = self._content(name, body), "stop", None
        if fault == "malformed":
            content = "Sure! Here is the JSON: {label: SUPPORTED,"
        elif fault == "truncated":
            content, finish = content[: len(content) // 2], "length"
        elif fault == "refusal":
            content, refusal = None, "I'm sorry, I can't help with that."
        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": refusal}
        if body.get("tools") and content is not None and fault is None:
            call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": content}}
            message = {"role": "assistant", "content": None, "tool_calls": [call]}
            finish = "tool_calls"
        if body.get("stream"):
            return self._stream(handler, body, message, finish)
        return handler._send(200, self._completion(body, message, finish))

    def _content(self, name: str | None, body: dict) -> str:
        responder = self.responders.get(name or "")
        if responder is None:
            return "OK" if name is None else "{}"
        out = responder(body)
        return out if isinstance(out, str) else json.dumps(out)

    @staticmethod
    def _completion(body: dict, message: dict, finish: str) -> dict:
        return {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body["model"],
            "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        }

    @staticmethod
    def _stream(handler, body: dict, message: dict, finish: str) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Connection", "close")
        handler.end_headers()
        text = message.get("content") or ""
        pieces = [text[i : i + 5] for i in range(0, len(text), 5)] or [""]
        for i, piece in enumerate(pieces):
            delta = {"role": "assistant", "content": piece} if i == 0 else {"content": piece}
            chunk = {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": body["model"],
                "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
            }
            handler.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        last = {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": body["model"],
            "choices": [{"index": 0, "delta": {}, "finish_reason": finish}],
        }
        handler.wfile.write(f"data: {json.dumps(last)}\n\ndata: [DONE]\n\n".encode())
        handler.wfile.flush()
        handler.close_connection = True

    def __enter__(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
