/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Region } from "../../../domain/regions.js";

/** Development sign-in (until the identity work lands): a role, a region and, for a department, its code. */
export function SignInPage(props: { enabled: boolean; regions: Region[]; error?: string }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>登录 · 项目管家运营平台</title>
        <link rel="stylesheet" href="/console/assets/fonts/400.css" />
        <link rel="stylesheet" href="/console/assets/console.css" />
      </head>
      <body class="sign-in">
        <main>
          <h1>项目管家 · 运营平台</h1>
          {props.enabled ? (
            <form method="post" action="/console/sign-in" class="card">
              <p class="note">开发环境登录：选择角色与区域（正式环境由统一身份认证登录）。</p>
              {props.error ? <p class="error">{props.error}</p> : null}
              <label>
                角色
                <select name="role">
                  <option value="operator">运营人员</option>
                  <option value="admin">管理员</option>
                  <option value="steward">项目管家</option>
                  <option value="liaison">部门联络员</option>
                </select>
              </label>
              <label>
                区域
                <select name="region">
                  {props.regions.map((region) => (
                    <option value={region.slug}>{region.name}</option>
                  ))}
                </select>
              </label>
              <label>
                部门代码（部门联络员填写）
                <input name="department" placeholder="如 zrzy" />
              </label>
              <label>
                姓名
                <input name="name" placeholder="如 张伟" />
              </label>
              <button type="submit">登录</button>
            </form>
          ) : (
            <p class="card">请通过统一身份认证登录（开发登录未开启）。</p>
          )}
        </main>
      </body>
    </html>
  );
}
